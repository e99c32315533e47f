import type { ModuleManifest } from "../platform/context.js";
import { accountsModule } from "./accounts/index.js";
import { amenitiesModule } from "./amenities/index.js";
import { announcementsModule } from "./announcements/index.js";
import { auditModule } from "./audit/index.js";
import { billingModule } from "./billing/index.js";
import { buildingsModule } from "./buildings/index.js";
import { companiesModule } from "./companies/index.js";
import { conversationsModule } from "./conversations/index.js";
import { documentsModule } from "./documents/index.js";
import { filesModule } from "./files/index.js";
import { marketplaceModule } from "./marketplace/index.js";
import { notificationsModule } from "./notifications/index.js";
import { partnersModule } from "./partners/index.js";
import { privacyModule } from "./privacy/index.js";
import { receptionModule } from "./reception/index.js";
import { registryModule } from "./registry/index.js";
import { servicesModule } from "./services/index.js";
import { staffModule } from "./staff/index.js";
import { surveysModule } from "./surveys/index.js";
import { systemModule } from "./system/index.js";
import { ticketsModule } from "./tickets/index.js";
import { workModule } from "./work/index.js";

/**
 * Every module, in order. The app registers their routes, the job runner their schedules and tasks, and the
 * privacy center asks their personal-data providers, by walking this list: a new module is a folder and a line.
 */
export const modules: readonly ModuleManifest[] = [
  systemModule,
  accountsModule,
  companiesModule,
  buildingsModule,
  registryModule,
  staffModule,
  billingModule,
  privacyModule,
  filesModule,
  notificationsModule,
  announcementsModule,
  conversationsModule,
  surveysModule,
  ticketsModule,
  receptionModule,
  amenitiesModule,
  servicesModule,
  documentsModule,
  partnersModule,
  marketplaceModule,
  auditModule,
  workModule,
];
