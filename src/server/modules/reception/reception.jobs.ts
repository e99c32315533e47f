import { defineSchedule } from "../../platform/module.js";
import { remindUnclaimed } from "./parcels.service.js";

/** Every morning at 9: households whose parcels have waited are told again. */
export const parcelReminders = defineSchedule("parcels-remind", "0 9 * * *", ({ db, platform, log }) =>
  remindUnclaimed(db, platform, log),
);
