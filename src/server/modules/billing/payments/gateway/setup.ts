import type { FastifyInstance } from "fastify";
import type { Config } from "../../../../config.js";
import { defineSlot } from "../../../../platform/module.js";
import type { PaymentGateway, PaymentRequest, TokenCreateRequest } from "./gateway.js";
import { sandboxGatewayRoutes, sandboxGatewayUrls } from "./sandbox.js";
import { VnpayGateway } from "./vnpay.js";

export const SANDBOX_PREFIX = "/sandbox/vnpay";

/** The gateway the app set up at start (`setUpGateway`), when one is configured. */
export const paymentGateway = defineSlot<PaymentGateway>("billing.payment-gateway");

/**
 * The sandbox lives in this same server, so its server-to-server calls (token charges) go through Fastify's
 * inject rather than the network: it works whatever PUBLIC_URL says, in tests too.
 */
function inProcessFetch(app: FastifyInstance): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const res = await app.inject({
      method: (init?.method ?? "GET") as "GET",
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      payload: typeof init?.body === "string" ? init.body : undefined,
    });
    return new Response(res.body, {
      status: res.statusCode,
      headers: res.headers as Record<string, string>,
    });
  }) as typeof fetch;
}

/** `url` moved to the origin of `other` (same path and query). */
function onOriginOf(url: string, other: string): string {
  const u = new URL(url);
  return `${new URL(other).origin}${u.pathname}${u.search}`;
}

/**
 * The sandbox is served by this same server, so its pages are on the address the payer comes back to: in demo
 * mode that is the address the app was opened on, which PUBLIC_URL may not be (localhost and 127.0.0.1).
 */
class SandboxGateway extends VnpayGateway {
  override createPaymentUrl(p: PaymentRequest): string {
    return onOriginOf(super.createPaymentUrl(p), p.returnUrl);
  }

  override createToken(p: TokenCreateRequest): string {
    return onOriginOf(super.createToken(p), p.returnUrl);
  }
}

/**
 * The card/e-wallet gateway the configuration names: VNPAY itself, or the local sandbox that speaks the same
 * protocol (mounted at /sandbox/vnpay, its IPN delivered to our own endpoint), or none.
 */
export async function setUpGateway(app: FastifyInstance, config: Config): Promise<PaymentGateway | null> {
  const g = config.gateway;
  if (!g) return null;
  if (g.kind === "vnpay") {
    return new VnpayGateway({
      tmnCode: g.tmnCode,
      hashSecret: g.hashSecret,
      urls: g.paymentUrl ? { payment: g.paymentUrl } : undefined,
    });
  }
  await app.register(
    async (scope) => {
      // The sandbox stands in for the gateway's own site: its pages post plain forms, without our CSRF token.
      scope.addHook("onRoute", (route) => {
        route.config = { ...route.config, auth: "public", csrf: false };
      });
      await scope.register(sandboxGatewayRoutes, {
        secret: g.hashSecret,
        tmnCode: g.tmnCode,
        notify: async (query) => {
          const res = await app.inject({
            method: "GET",
            url: `/api/v1/gateway/vnpay/ipn?${new URLSearchParams(query).toString()}`,
          });
          return res.json();
        },
      });
    },
    { prefix: SANDBOX_PREFIX },
  );
  return new SandboxGateway({
    tmnCode: g.tmnCode,
    hashSecret: g.hashSecret,
    urls: sandboxGatewayUrls(config.publicUrl, SANDBOX_PREFIX),
    fetch: inProcessFetch(app),
  });
}
