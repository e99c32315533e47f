import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { forgetResidentAccess } from "./staff.service.js";

/** Invitations keep the invitee's name and contact until accepted; memberships tie an account to the company. */
const STAFF_RECORDS = ["invitation", "membership"];

export const staffPersonalData = definePersonalData({
  fields: [],
  copies: [
    { of: "account.displayName", records: STAFF_RECORDS, columns: ["invitations.display_name"] },
    {
      of: "account.email",
      records: STAFF_RECORDS,
      columns: ["invitations.contact_enc", "invitations.contact_bidx"],
    },
    {
      of: "account.phone",
      records: STAFF_RECORDS,
      columns: ["invitations.contact_enc", "invitations.contact_bidx"],
    },
    { of: "account.sessions", records: STAFF_RECORDS, columns: [] },
  ],
  erase: async (ctx, person) => {
    await forgetResidentAccess(ctx, person.id, person.accountId);
    return { erased: [], tables: ["invitations", "memberships"] };
  },
});
