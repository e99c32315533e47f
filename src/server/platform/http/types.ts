import type { Lang } from "../../../contracts/common.js";
import type { Actor } from "../authz/actor.js";
import type { Permission } from "../authz/can.js";
import type { Ctx } from "../context.js";

/** What the session cookie resolves to; cached briefly by the auth plugin. */
export type AuthState = {
  sessionId: string;
  accountId: string;
  /** 'otp' / 'totp' while a second factor is owed. */
  stage: "otp" | "totp" | "active";
  lang: Lang;
  reauthAt: Date | null;
  deviceId: string | null;
  actor: Actor;
  /** The person's data key (unwrapped), which seals what the access log records about their requests. */
  dataKey: Buffer | null;
  /** The company of the chosen context; null for the platform context or a person with no role yet. */
  companyId: string | null;
};

/**
 * Who may call a route: anyone; someone half-way through sign-in; a signed-in person in any context;
 * a signed-in person acting for a company (the default); the platform admin.
 */
export type AuthLevel = "public" | "pending" | "signed_in" | "tenant" | "platform";

declare module "fastify" {
  interface FastifyContextConfig {
    auth?: AuthLevel;
    /** [action, resource kind] checked with can() before the handler runs; the kind's policy types the action. */
    permission?: Permission;
    /** The password (or a code) must have been confirmed in the last few minutes. */
    reauth?: boolean;
    /** Set false for endpoints called by other servers (webhooks), which carry no cookies. */
    csrf?: boolean;
    /**
     * Set false for endpoints that touch no personal data and are called by machines (health checks, metrics):
     * their requests are not written to the access log (DESIGN §3), which records access to personal data.
     */
    accessLog?: boolean;
  }
  interface FastifyRequest {
    auth: AuthState | null;
    lang: Lang;
    /** Runs `fn` in one transaction with the request's context; audits the request if the service did not. */
    run<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  }
}
