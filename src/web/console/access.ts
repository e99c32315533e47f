import { useSignedInMe } from "../auth/session.js";

/**
 * What the person may do with a kind of resource as a whole in the current context, as the server's policies
 * answer in `/me` (`abilities`): `can("unit", "create")`. The web only shows what it offers; the server decides
 * again on every call.
 */
export function useAbilities(): (kind: string, action: string) => boolean {
  const { abilities } = useSignedInMe();
  return (kind, action) => abilities[kind]?.[action] === true;
}

/** What the person may do in billing, in the words the billing pages use. */
export type BillingAccess = {
  /** Sees fee rules, readings, runs and notices. */
  reads: boolean;
  /** Sets fee rules, billing settings and bank accounts. */
  configures: boolean;
  /** Records meter readings. */
  recordsReadings: boolean;
  /** Lists readings and the units still to read. */
  readsReadings: boolean;
  /** Runs the month's billing and issues notices. */
  runs: boolean;
  /** Takes cash and matches bank transfers. */
  takesPayments: boolean;
};

export function useBillingAccess(): BillingAccess {
  const can = useAbilities();
  return {
    reads: can("billing", "read"),
    configures: can("billing", "configure"),
    recordsReadings: can("billing", "record_reading"),
    readsReadings: can("billing", "read_readings"),
    runs: can("billing", "run"),
    takesPayments: can("billing", "take_payment"),
  };
}
