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

function useRole() {
  return useSignedInMe().current?.role;
}

/** Whether the current role sees residents and households: company admin, customer care, managers, accountants. */
export function useSeesRegistry(): boolean {
  const r = useRole();
  return r === "company_admin" || r === "customer_care" || r === "building_manager" || r === "accountant";
}

/** Whether the current role keeps households and vehicles: company admin, building manager, customer care. */
export function useCanEditRegistry(): boolean {
  const r = useRole();
  return r === "company_admin" || r === "building_manager" || r === "customer_care";
}

/** Whether the current role approves vehicles residents registered: company admin and building manager. */
export function useCanApproveVehicles(): boolean {
  const r = useRole();
  return r === "company_admin" || r === "building_manager";
}
