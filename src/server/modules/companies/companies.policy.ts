import { definePolicy } from "../../platform/authz/can.js";

/** Companies are created and listed by the platform admin only. */
definePolicy("company", {
  list: (actor) => actor.platformAdmin,
  create: (actor) => actor.platformAdmin,
});
