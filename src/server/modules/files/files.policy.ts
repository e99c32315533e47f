import { type ActionOf, definePolicy } from "../../platform/authz/can.js";

/** Anyone signed in uploads (what for is checked by the upload's purpose) and previews their own uploads. */
export const filePolicy = definePolicy("file", { upload: (actor) => actor.accountId !== null });

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    file: ActionOf<typeof filePolicy>;
  }
}
