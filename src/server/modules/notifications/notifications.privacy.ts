import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { forgetInbox } from "./notifications.service.js";

/** The inbox holds messages addressed to the person, no field of the registry: it goes with them. */
export const notificationsPersonalData = definePersonalData({
  fields: [],
  erase: async (ctx, person) => {
    if (person.accountId) await forgetInbox(ctx, person.accountId);
    return { erased: [], tables: ["notifications"] };
  },
});
