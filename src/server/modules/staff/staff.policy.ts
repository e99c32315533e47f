import { definePolicy, isCompanyAdmin } from "../../platform/authz/can.js";

/** The company admin manages staff and their invitations. */
definePolicy("staff", {
  list: isCompanyAdmin,
  read: isCompanyAdmin,
  update: isCompanyAdmin,
});

definePolicy("invitation", {
  list: isCompanyAdmin,
  create: isCompanyAdmin,
  revoke: isCompanyAdmin,
});
