import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { PartnerStaff, PartnerStaffBody } from "../../../contracts/marketplace.js";
import { authorize } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { errors } from "../../platform/errors.js";
import { createInvitation, invitationsById, onInvitationAccepted } from "../staff/index.js";
import { partnerPolicy } from "./partners.policy.js";
import { partnerStaff, partners } from "./partners.table.js";

type PartnerRow = typeof partners.$inferSelect;

/**
 * Invites a person of the partner to the partner portal (email or phone); once they accept, their account works
 * for this partner only. The invitation is audited by the staff module, with the partner named here.
 */
export async function invitePartnerStaff(
  ctx: Ctx,
  partnerId: string,
  body: z.infer<typeof PartnerStaffBody>,
) {
  authorize(ctx.actor, "update", partnerPolicy);
  await checkPartner(ctx, partnerId, { active: true });
  const invitation = await createInvitation(ctx, { ...body, role: "partner" });
  await ctx.tx
    .insert(partnerStaff)
    .values({ companyId: ctx.companyId, partnerId, invitationId: invitation.id });
  return staffView(invitation, null);
}

/** The partner, readable by the actor (404 otherwise); refused when it must be active and is suspended. */
async function checkPartner(ctx: Ctx, partnerId: string, must: { active: boolean }) {
  authorize(ctx.actor, "read", partnerPolicy);
  const [partner] = await ctx.tx
    .select({ id: partners.id, status: partners.status })
    .from(partners)
    .where(and(eq(partners.companyId, ctx.companyId), eq(partners.id, partnerId)));
  if (!partner) throw errors.notFound("resource");
  if (must.active && partner.status !== "active") throw errors.rule("PARTNER_SUSPENDED");
}

function staffView(
  invitation: Awaited<ReturnType<typeof invitationsById>>[number],
  accountId: string | null,
): z.infer<typeof PartnerStaff> {
  return {
    id: invitation.id,
    displayName: invitation.displayName,
    contact: invitation.contact,
    status: accountId ? "active" : invitation.status === "accepted" ? "active" : invitation.status,
    since: invitation.createdAt,
  };
}

/** The partner's people: invited, active, or whose invitation lapsed. */
export async function listPartnerStaff(ctx: Ctx, partnerId: string) {
  await checkPartner(ctx, partnerId, { active: false });
  const rows = await ctx.tx
    .select()
    .from(partnerStaff)
    .where(and(eq(partnerStaff.companyId, ctx.companyId), eq(partnerStaff.partnerId, partnerId)))
    .orderBy(partnerStaff.createdAt);
  const invited = new Map(
    (
      await invitationsById(
        ctx,
        rows.flatMap((r) => (r.invitationId ? [r.invitationId] : [])),
      )
    ).map((i) => [i.id, i]),
  );
  return {
    items: rows.flatMap((r) => {
      const invitation = r.invitationId ? invited.get(r.invitationId) : undefined;
      return invitation ? [staffView(invitation, r.accountId)] : [];
    }),
  };
}

/**
 * The partner the acting person works for, when they act in the partner role and the partner is active: what
 * every partner-portal service scopes its queries to. Null for anyone else.
 */
export async function partnerOfActor(ctx: Ctx): Promise<PartnerRow | null> {
  if (ctx.actor.role !== "partner" || !ctx.actor.accountId) return null;
  const [row] = await ctx.tx
    .select({ p: partners })
    .from(partnerStaff)
    .innerJoin(
      partners,
      and(eq(partners.companyId, partnerStaff.companyId), eq(partners.id, partnerStaff.partnerId)),
    )
    .where(and(eq(partnerStaff.companyId, ctx.companyId), eq(partnerStaff.accountId, ctx.actor.accountId)));
  return row && row.p.status === "active" ? row.p : null;
}

/** Some partners of the company, by id. */
export async function partnersById(ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, PartnerRow>();
  const rows = await ctx.tx
    .select()
    .from(partners)
    .where(and(eq(partners.companyId, ctx.companyId), inArray(partners.id, [...new Set(ids)])));
  return new Map(rows.map((p) => [p.id, p]));
}

// An accepted invitation of the partner role ties the new account to the partner that invited it.
onInvitationAccepted(async (ctx, invitation, accountId) => {
  if (invitation.role !== "partner") return;
  await ctx.tx
    .update(partnerStaff)
    .set({ accountId })
    .where(and(eq(partnerStaff.companyId, ctx.companyId), eq(partnerStaff.invitationId, invitation.id)));
});

/** The accounts of a partner's people who have joined the portal: told of new orders. */
export async function partnerStaffAccounts(ctx: Ctx, partnerId: string): Promise<string[]> {
  const rows = await ctx.tx
    .select({ accountId: partnerStaff.accountId })
    .from(partnerStaff)
    .where(and(eq(partnerStaff.companyId, ctx.companyId), eq(partnerStaff.partnerId, partnerId)));
  return rows.flatMap((r) => (r.accountId ? [r.accountId] : []));
}
