// The texts of the signed-in areas (account, registry, billing, privacy center) come with them.
import "../locales/areas.js";
import type { ReactNode } from "react";
import { Route, Routes } from "react-router";
import { lazyPage } from "./lazyPage.js";
import { NotFoundPage } from "./Pages.js";

const AccountPage = lazyPage(() => import("../account/AccountPage.js").then((m) => m.default));

/** An area's own routes, plus what every area has: the account page and a not-found page. */
export function AreaRoutes({ children }: { children: ReactNode }) {
  return (
    <Routes>
      {children}
      <Route path="account" element={<AccountPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
