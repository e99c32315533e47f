import { lazy, Suspense, useEffect } from "react";
import { Navigate, Route, Routes } from "react-router";
import { AreaGate } from "./auth/AreaGate.js";
import { AuthLayout } from "./auth/AuthLayout.js";
import { ChooseRolePage } from "./auth/ChooseRolePage.js";
import { ForgotPasswordPage } from "./auth/ForgotPasswordPage.js";
import { InvitationPage } from "./auth/InvitationPage.js";
import { OtpPage } from "./auth/OtpPage.js";
import { ResetPasswordPage } from "./auth/ResetPasswordPage.js";
import { SignInPage } from "./auth/SignInPage.js";
import { homeFor, useMe, useUpdateMe } from "./auth/session.js";
import { TotpPage } from "./auth/TotpPage.js";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { NotFoundPage, PageLoader } from "./components/Pages.js";
import { setLang, storedLang } from "./i18n.js";

// Each area is its own chunk, so the sign-in page loads only what it needs.
const ConsoleArea = lazy(() => import("./console/ConsoleArea.js"));
const ResidentArea = lazy(() => import("./resident/ResidentArea.js"));
const PartnerArea = lazy(() => import("./partner/PartnerArea.js"));
const PlatformArea = lazy(() => import("./platform/PlatformArea.js"));

/**
 * A language chosen in this browser wins and is saved to the account (it decides the language
 * of emails and SMS); a browser that never chose takes the account's.
 */
function useLanguageSync() {
  const { data: me } = useMe();
  const { mutate: updateMe } = useUpdateMe();
  const accountLang = me?.account.lang;
  useEffect(() => {
    if (!accountLang) return;
    const chosen = storedLang();
    if (!chosen) setLang(accountLang);
    else if (chosen !== accountLang) updateMe({ lang: chosen });
  }, [accountLang, updateMe]);
}

function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return <Navigate to={me.data ? homeFor(me.data) : "/sign-in"} replace />;
}

export function App() {
  useLanguageSync();
  return (
    <ErrorBoundary>
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<HomeRedirect />} />
          <Route element={<AuthLayout />}>
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="sign-in/code" element={<OtpPage />} />
            <Route path="sign-in/totp" element={<TotpPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="invite/:token" element={<InvitationPage />} />
            <Route path="choose-role" element={<ChooseRolePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route
            path="console/*"
            element={
              <AreaGate area="console">
                <ConsoleArea />
              </AreaGate>
            }
          />
          <Route
            path="app/*"
            element={
              <AreaGate area="resident">
                <ResidentArea />
              </AreaGate>
            }
          />
          <Route
            path="partner/*"
            element={
              <AreaGate area="partner">
                <PartnerArea />
              </AreaGate>
            }
          />
          <Route
            path="platform/*"
            element={
              <AreaGate area="platform">
                <PlatformArea />
              </AreaGate>
            }
          />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
