import { useSignedInMe } from "../auth/session.js";

/** Whether the current role manages the company's buildings and staff. The server decides again on every call. */
export function useIsCompanyAdmin(): boolean {
  return useSignedInMe().current?.role === "company_admin";
}
