import { defineModule } from "../../platform/module.js";
import { seedDemoMarketplace } from "./marketplace.demo.js";
import { catalogItemPolicy, jobPolicy, orderPolicy, settlementPolicy } from "./marketplace.policy.js";
import { marketplacePersonalData } from "./marketplace.privacy.js";
import { marketplaceRoutes } from "./marketplace.routes.js";
import { marketplaceTemplates } from "./marketplace.templates.js";
import { itemsToReview, ordersToRefund } from "./marketplace.work.js";
import { claimOrderTransfer } from "./orders.service.js";

/**
 * The marketplace: partners' catalogues approved by the management, residents' orders paid by transfer (matched
 * by the order code) or cash on delivery, and the partners' jobs with only the data a delivery needs.
 */
export const marketplaceModule = defineModule({
  name: "marketplace",
  routes: marketplaceRoutes,
  policies: [catalogItemPolicy, orderPolicy, jobPolicy, settlementPolicy],
  templates: marketplaceTemplates,
  workQueues: [itemsToReview, ordersToRefund],
  personalData: [marketplacePersonalData],
  seedDemo: seedDemoMarketplace,
  claimTransfer: claimOrderTransfer,
  residentTabs: [{ key: "services", order: 30 }],
  residentHome: { actions: [{ key: "marketplace.shop", order: 34, to: "/app/shop" }] },
});
