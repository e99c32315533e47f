import { useSignedInMe } from "../auth/session.js";

/** Whether the current role manages the company's buildings and staff. The server decides again on every call. */
export function useIsCompanyAdmin(): boolean {
  return useSignedInMe().current?.role === "company_admin";
}

/** Whether the current role adds, edits and deletes units: company admin and building manager. */
export function useCanManageUnits(): boolean {
  const role = useSignedInMe().current?.role;
  return role === "company_admin" || role === "building_manager";
}
