import { defineModule } from "../../platform/module.js";
import { unreadAnnouncementsCard } from "./announcements.home.js";
import { announcementRoutes } from "./announcements.routes.js";

/** Announcements from management to a building's residents. */
export const announcementsModule = defineModule({
  name: "announcements",
  routes: announcementRoutes,
  residentHome: { cards: [unreadAnnouncementsCard] },
});
