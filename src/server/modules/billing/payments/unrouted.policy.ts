import { definePolicy } from "../../../platform/authz/can.js";

/** The bank feed's platform side: the unrouted queue and who holds an account number (platform admin only). */
definePolicy("unrouted_transfer", {
  list: (actor) => actor.platformAdmin,
  assign: (actor) => actor.platformAdmin,
});
definePolicy("bank_account_owner", {
  reassign: (actor) => actor.platformAdmin,
});
