import { defineModule } from "../../platform/module.js";
import { seedDemoTickets } from "./tickets.demo.js";
import { openTicketsCard } from "./tickets.home.js";
import { ticketsClose } from "./tickets.jobs.js";
import { ticketPolicy } from "./tickets.policy.js";
import { ticketsPersonalData } from "./tickets.privacy.js";
import { ticketRoutes } from "./tickets.routes.js";
import { ticketTemplates } from "./tickets.templates.js";
import { myJobs, newTickets, overdueTickets } from "./tickets.work.js";

export { purgeTicketPhotosBefore } from "./tickets.privacy.js";
export { openComplaint } from "./tickets.service.js";

/** Tickets (phản ánh): residents report problems, the management answers and resolves them within its service levels. */
export const ticketsModule = defineModule({
  name: "tickets",
  routes: ticketRoutes,
  policies: [ticketPolicy],
  templates: ticketTemplates,
  schedules: [ticketsClose],
  workQueues: [newTickets, overdueTickets, myJobs],
  personalData: [ticketsPersonalData],
  seedDemo: seedDemoTickets,
  residentTabs: [{ key: "tickets", order: 40 }],
  residentHome: {
    cards: [openTicketsCard],
    actions: [{ key: "tickets.report", order: 20, to: "/app/tickets/new" }],
  },
});
