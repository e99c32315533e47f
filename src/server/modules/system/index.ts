import { defineModule } from "../../platform/module.js";
import { healthRoutes, outboxRoutes } from "./system.routes.js";

/** The server's own pages: health, and the demo outbox (demo mode only, from this machine only). */
export const systemModule = defineModule({
  name: "system",
  routes: healthRoutes,
  setUp: async (app, platform) => {
    const outbox = platform.messenger.outbox;
    if (outbox && platform.config.demo) await app.register(outboxRoutes, { outbox, platform });
  },
});
