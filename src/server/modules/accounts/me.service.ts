import { eq } from "drizzle-orm";
import type { Me } from "../../../contracts/auth.js";
import { areaAbilities } from "../../platform/authz/registry.js";
import type { Ctx } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import type { AuthState } from "../../platform/http/types.js";
import { type AccountRow, getAccount, maskedContactsOf } from "./accounts.service.js";
import { sessions } from "./accounts.table.js";
import { actorFor, listContexts, pickContext } from "./contexts.service.js";
import { sessionsChanged } from "./sessions.service.js";

/** The signed-in person as the web app sees them. */
export async function describeMe(ctx: Ctx, auth: Pick<AuthState, "sessionId" | "accountId">): Promise<Me> {
  const account = await getAccount(ctx.tx, auth.accountId);
  const [session] = await ctx.tx.select().from(sessions).where(eq(sessions.id, auth.sessionId));
  return meOf(ctx, account, session?.contextId ?? null, session?.reauthAt ?? null);
}

export async function meOf(
  ctx: Ctx,
  account: AccountRow,
  contextId: string | null,
  reauthAt: Date | null,
): Promise<Me> {
  const contexts = await listContexts(ctx.tx, account.id, account.platformRole === "platform_admin");
  const masked = maskedContactsOf(ctx.platform, account);
  const current = pickContext(contexts, contextId);
  return {
    account: {
      id: account.id,
      displayName: account.displayName,
      email: masked.email,
      phone: masked.phone,
      lang: account.lang === "en" ? "en" : "vi",
      totpEnabled: Boolean(account.totpEnabledAt),
    },
    contexts,
    current,
    abilities: current ? areaAbilities(ctx.platform, actorFor(account.id, current)) : {},
    reauthUntil: reauthAt ? new Date(reauthAt.getTime() + 5 * 60_000).toISOString() : null,
  };
}

export async function switchContext(ctx: Ctx, auth: AuthState, contextId: string): Promise<Me> {
  const account = await getAccount(ctx.tx, auth.accountId);
  const contexts = await listContexts(ctx.tx, account.id, account.platformRole === "platform_admin");
  if (!contexts.some((c) => c.id === contextId)) throw errors.notFound("resource");
  await ctx.tx.update(sessions).set({ contextId }).where(eq(sessions.id, auth.sessionId));
  await sessionsChanged(ctx, [auth.sessionId]);
  return meOf(ctx, account, contextId, auth.reauthAt);
}
