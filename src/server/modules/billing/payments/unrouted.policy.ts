import { type ActionOf, definePolicy } from "../../../platform/authz/can.js";

/** The bank feed's platform side: the unrouted queue and who holds an account number (platform admin only). */
export const unroutedTransferPolicy = definePolicy("unrouted_transfer", {
  list: (actor) => actor.platformAdmin,
  assign: (actor) => actor.platformAdmin,
});
export const bankAccountOwnerPolicy = definePolicy("bank_account_owner", {
  reassign: (actor) => actor.platformAdmin,
});

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    unrouted_transfer: ActionOf<typeof unroutedTransferPolicy>;
    bank_account_owner: ActionOf<typeof bankAccountOwnerPolicy>;
  }
}
