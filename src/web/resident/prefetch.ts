import type { QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router";
import { invoiceQuery } from "../billing/invoiceQuery.js";
import { prefetchHome } from "./home.js";
import { readStored } from "./storedUnit.js";

/**
 * Asks for the data of the resident's first screen once the person is known, while the app's code loads: the
 * home (whose answer also names the tabs) and the notice the app was opened on.
 */
export function prefetchResidentScreen(
  queryClient: QueryClient,
  unitIds: readonly string[],
  pathname: string,
) {
  prefetchHome(queryClient, unitIds, readStored());
  const notice = matchPath("/app/invoices/:id", pathname);
  if (notice?.params.id) void queryClient.prefetchQuery(invoiceQuery(notice.params.id));
}
