import { defineSchedule } from "../../platform/module.js";
import { alertBreachDeadlines } from "./breaches/breach.jobs.js";
import { escalateOverdueRequests, runDueErasures } from "./requests/privacy.jobs.js";
import { runRetention } from "./retention/retention.service.js";

export const privacySchedules = [
  defineSchedule("retention", "30 3 * * *", ({ db, platform, log }) => runRetention(db, platform, log)),
  defineSchedule("privacy-erasure", "10 * * * *", ({ db, platform, log }) =>
    runDueErasures(db, platform, log),
  ),
  defineSchedule("privacy-escalate", "20 * * * *", ({ db, platform, log }) =>
    escalateOverdueRequests(db, platform, log),
  ),
  defineSchedule("breach-deadlines", "*/15 * * * *", ({ db, platform, log }) =>
    alertBreachDeadlines(db, platform, log),
  ),
];
