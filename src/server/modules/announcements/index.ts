import { defineModule, defineSchedule } from "../../platform/module.js";
import { unreadAnnouncementsCard } from "./announcements.home.js";
import { announcementRoutes } from "./announcements.routes.js";
import { publishDue } from "./announcements.service.js";
import { announcementTemplates } from "./announcements.templates.js";

export { reachOf } from "./audience.js";

/** Announcements from management to a building's residents: drafts, schedules, audiences, read receipts. */
export const announcementsModule = defineModule({
  name: "announcements",
  routes: announcementRoutes,
  residentHome: {
    cards: [unreadAnnouncementsCard],
    actions: [{ key: "announcements.feed", order: 45, to: "/app/announcements" }],
  },
  templates: Object.values(announcementTemplates),
  schedules: [
    defineSchedule("announcements-publish", "* * * * *", ({ db, platform, log }) =>
      publishDue(db, platform, log),
    ),
  ],
});
