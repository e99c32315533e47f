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

/** What the current role may do in billing (the server's billing policy decides again on every call). */
export type BillingAccess = {
  /** Sees fee rules, readings, runs and notices: company admin, accountant, building manager, owners' board. */
  reads: boolean;
  /** Sets fee rules, billing settings and bank accounts: company admin and accountant. */
  configures: boolean;
  /** Records meter readings: company admin, accountant, building manager and technician. */
  recordsReadings: boolean;
  /** Lists readings and the units still to read: those who record them, and the owners' board. */
  readsReadings: boolean;
  /** Runs the month's billing and issues notices: company admin, accountant, building manager. */
  runs: boolean;
  /** Takes cash and matches bank transfers: company admin and accountant. */
  takesPayments: boolean;
};

export function useBillingAccess(): BillingAccess {
  const r = useRole();
  const admin = r === "company_admin";
  return {
    reads: admin || r === "accountant" || r === "building_manager" || r === "owners_board",
    configures: admin || r === "accountant",
    recordsReadings: admin || r === "accountant" || r === "building_manager" || r === "technician",
    readsReadings:
      admin || r === "accountant" || r === "building_manager" || r === "technician" || r === "owners_board",
    runs: admin || r === "accountant" || r === "building_manager",
    takesPayments: admin || r === "accountant",
  };
}
