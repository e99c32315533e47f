import { type ActionOf, definePolicy } from "../../../platform/authz/can.js";

/**
 * Tariff versions: the platform admin keeps the national ones (EVN's), a company admin the company's own (its
 * local water utility's). Which rows a keeper reaches is decided by the scope of the request (RLS and the
 * service), so one rule serves both.
 */
export const tariffPolicy = definePolicy("tariff", {
  keep: (actor) => actor.platformAdmin || actor.role === "company_admin",
});

declare module "../../../platform/authz/can.js" {
  interface PolicyActions {
    tariff: ActionOf<typeof tariffPolicy>;
  }
}
