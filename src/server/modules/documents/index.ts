import { defineModule } from "../../platform/module.js";
import { seedDemoDocuments } from "./documents.demo.js";
import { documentsCard } from "./documents.home.js";
import { documentPolicy } from "./documents.policy.js";
import { documentsPersonalData } from "./documents.privacy.js";
import { documentRoutes } from "./documents.routes.js";
import { documentTemplates } from "./documents.templates.js";

/** The documents library: rules, minutes, contracts and forms per building, with versions and acknowledgements. */
export const documentsModule = defineModule({
  name: "documents",
  routes: documentRoutes,
  policies: [documentPolicy],
  templates: documentTemplates,
  personalData: [documentsPersonalData],
  seedDemo: seedDemoDocuments,
  residentHome: {
    cards: [documentsCard],
    actions: [{ key: "documents.library", order: 60, to: "/app/documents" }],
  },
});
