import { and, count, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Me } from "../../../contracts/auth.js";
import type { Page, PageQuery } from "../../../contracts/common.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { type Contact, maskContact, parseContact } from "../../platform/crypto/contact.js";
import { decrypt, encrypt, randomToken, sha256 } from "../../platform/crypto/crypto.js";
import { queryRows } from "../../platform/db/client.js";
import { containing, pageOf } from "../../platform/db/paging.js";
import { enterCompany } from "../../platform/db/scope.js";
import { errors } from "../../platform/errors.js";
import { consentWording } from "../../platform/privacy/consent-wording.js";
import {
  contactIndex,
  createAccount,
  findAccountByContact,
  parseContactOrFail,
} from "../accounts/accounts.service.js";
import { type ClientInfo, confirmPassword } from "../accounts/auth.service.js";
import { createSession, meOf, recordDevice } from "../accounts/sessions.service.js";
import { companies } from "../companies/companies.table.js";
import { invitations, memberships } from "./memberships.table.js";

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

export const invitationStatus = (i: InvitationRow): InvitationStatus =>
  i.revokedAt
    ? "revoked"
    : i.acceptedAt
      ? "accepted"
      : i.expiresAt.getTime() < Date.now()
        ? "expired"
        : "pending";

/** The same states as invitationStatus(), as SQL. */
const statusCondition: Record<InvitationStatus, () => SQL> = {
  revoked: () => sql`${invitations.revokedAt} is not null`,
  accepted: () => sql`${invitations.revokedAt} is null and ${invitations.acceptedAt} is not null`,
  expired: () =>
    sql`${invitations.revokedAt} is null and ${invitations.acceptedAt} is null and ${invitations.expiresAt} < now()`,
  pending: () =>
    sql`${invitations.revokedAt} is null and ${invitations.acceptedAt} is null and ${invitations.expiresAt} >= now()`,
};

const contactOf = (ctx: Ctx, i: InvitationRow): Contact => {
  const c = parseContact(decrypt(ctx.platform.keyring.systemKey, i.contactEnc));
  if (!c) throw new Error("stored invitation contact does not parse");
  return c;
};

const toDto = (ctx: Ctx, i: InvitationRow) => ({
  id: i.id,
  displayName: i.displayName,
  contact: maskContact(contactOf(ctx, i)),
  channel: i.channel as "email" | "sms",
  role: i.role,
  buildingIds: i.buildingIds,
  status: invitationStatus(i),
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});

export type InvitationInput = {
  contact: string;
  displayName: string;
  role: string;
  buildingIds?: string[];
  unitIds?: string[];
  /** The registry record of a resident being invited, linked to the account on acceptance. */
  residentId?: string;
  /** Part of a bulk invitation, which is audited once as a whole. */
  bulk?: boolean;
};

/** Work another module does when one of its invitations is accepted, in the same transaction. */
export type AcceptedHook = (ctx: Ctx, invitation: InvitationRow, accountId: string) => Promise<void>;
const acceptedHooks: AcceptedHook[] = [];

/** Lets a module act on accepted invitations (the registry links a resident's record to the new account). */
export function onInvitationAccepted(hook: AcceptedHook): void {
  acceptedHooks.push(hook);
}

/**
 * Invites a person by email or phone to a role in the current company. The message carries a link whose
 * token is the only way in; the token's hash is stored. Used for staff now and residents by the registry.
 */
export async function createInvitation(ctx: Ctx, input: InvitationInput) {
  const contact = parseContactOrFail(input.contact);
  const channel = contact.kind === "email" ? "email" : "sms";
  if (!ctx.platform.messenger.available(channel)) throw errors.rule("OTP_CHANNEL_UNAVAILABLE");
  const token = randomToken(20);
  const [row] = await ctx.tx
    .insert(invitations)
    .values({
      companyId: ctx.companyId,
      tokenHash: sha256(token),
      displayName: input.displayName,
      contactEnc: encrypt(ctx.platform.keyring.systemKey, contact.value),
      contactBidx: contactIndex(ctx.platform, contact),
      channel,
      role: input.role,
      buildingIds: input.buildingIds ?? [],
      unitIds: input.unitIds ?? [],
      residentId: input.residentId ?? null,
      invitedBy: ctx.actor.accountId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  if (!input.bulk)
    await audit(ctx, {
      action: "invitation.create",
      entity: "invitation",
      entityId: row.id,
      changes: {
        role: [null, input.role],
        contact: [null, maskContact(contact)],
        buildingIds: [null, row.buildingIds],
      },
    });
  const [company] = await ctx.tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, ctx.companyId));
  const link = `${ctx.platform.config.publicUrl}/invite/${token}`;
  const text =
    `${input.displayName} thân mến, ${company?.name ?? ""} mời bạn tham gia Chungcu. Mở liên kết để kích hoạt tài khoản (hiệu lực 7 ngày): ${link}` +
    (channel === "email"
      ? `\n\nYou are invited to join ${company?.name ?? ""} on Chungcu. Open the link to activate your account (valid 7 days): ${link}`
      : "");
  ctx.afterCommit(() =>
    ctx.platform.messenger.send(
      channel === "email"
        ? { channel, to: contact.value, subject: `Lời mời tham gia ${company?.name ?? "Chungcu"}`, text }
        : { channel, to: contact.value, text },
    ),
  );
  return toDto(ctx, row);
}

export async function listInvitations(
  ctx: Ctx,
  q: PageQuery & { status?: InvitationStatus },
  roles: readonly string[],
): Promise<Page<ReturnType<typeof toDto>>> {
  const conditions: SQL[] = [eq(invitations.companyId, ctx.companyId), inArray(invitations.role, [...roles])];
  if (q.status) conditions.push(statusCondition[q.status]());
  if (q.q) conditions.push(ilike(invitations.displayName, containing(q.q)));
  const where = and(...conditions);
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(invitations)
          .where(where)
          .orderBy(desc(invitations.createdAt))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(invitations).where(where),
    },
    (r) => toDto(ctx, r),
  );
}

export async function revokeInvitation(ctx: Ctx, id: string): Promise<void> {
  const [row] = await ctx.tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.companyId, ctx.companyId), eq(invitations.id, id)))
    .returning();
  if (!row) throw errors.notFound("invitation");
  await audit(ctx, { action: "invitation.revoke", entity: "invitation", entityId: id });
}

/** Finds a pending invitation by its token, and moves the transaction into its company. */
async function openInvitation(
  ctx: Ctx,
  token: string,
): Promise<{ ctx: Ctx; invitation: InvitationRow; company: string }> {
  const [ref] = await queryRows<{ company_id: string; id: string }>(
    ctx.tx,
    sql`select company_id, id from app_find_invitation(${sha256(token)})`,
  );
  if (!ref) throw errors.rule("INVITATION_INVALID");
  const inCompany = await enterCompany(ctx, ref.company_id);
  const [invitation] = await inCompany.tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.companyId, ref.company_id), eq(invitations.id, ref.id)))
    .for("update");
  if (!invitation || invitationStatus(invitation) !== "pending") throw errors.rule("INVITATION_INVALID");
  const [company] = await inCompany.tx
    .select({ name: companies.name })
    .from(companies)
    .where(eq(companies.id, ref.company_id));
  return { ctx: inCompany, invitation, company: company?.name ?? "" };
}

export async function previewInvitation(ctx: Ctx, token: string) {
  const { ctx: c, invitation, company } = await openInvitation(ctx, token);
  const contact = contactOf(c, invitation);
  return {
    companyId: invitation.companyId,
    companyName: company,
    role: invitation.role,
    displayName: invitation.displayName,
    contact: maskContact(contact),
    accountExists: Boolean(await findAccountByContact(c.tx, c.platform, contact)),
    expiresAt: invitation.expiresAt.toISOString(),
    consentWording: consentWording(ctx.lang),
  };
}

/**
 * Accepts an invitation: a new account chooses its password; an existing one proves itself with its
 * password. The role is added (or re-activated) and the person is signed in — the link came through
 * their email or phone, which stands for the one-time code.
 */
export async function acceptInvitation(
  ctx: Ctx,
  token: string,
  body: { displayName?: string; password: string },
  client: ClientInfo,
): Promise<{
  me?: Me;
  sessionToken?: string;
  deviceToken?: string | null;
  error?: ReturnType<typeof errors.invalidCredentials>;
}> {
  const { ctx: c, invitation } = await openInvitation(ctx, token);
  const contact = contactOf(c, invitation);
  let account = await findAccountByContact(c.tx, c.platform, contact);
  if (account) {
    // The same check (and lockout) as sign-in: an invitation link must not be a way to guess passwords.
    const refused = await confirmPassword(c, account, body.password);
    if (refused) return { error: refused };
  } else {
    account = await createAccount(c.tx, c.platform, {
      displayName: body.displayName ?? invitation.displayName,
      contact,
      password: body.password,
      lang: c.lang,
    });
  }
  const [membership] = await c.tx
    .insert(memberships)
    .values({
      companyId: c.companyId,
      accountId: account.id,
      role: invitation.role,
      buildingIds: invitation.buildingIds,
      unitIds: invitation.unitIds,
    })
    .onConflictDoUpdate({
      target: [memberships.companyId, memberships.accountId, memberships.role],
      set: {
        status: "active",
        buildingIds: sql`array(select distinct unnest(${memberships.buildingIds} || excluded.building_ids))`,
        unitIds: sql`array(select distinct unnest(${memberships.unitIds} || excluded.unit_ids))`,
        updatedAt: new Date(),
      },
    })
    .returning();
  if (!membership) throw new Error("membership upsert returned nothing");
  await c.tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedAccountId: account.id })
    .where(and(eq(invitations.companyId, c.companyId), eq(invitations.id, invitation.id)));
  for (const hook of acceptedHooks) await hook(c, invitation, account.id);
  const actorCtx = { ...c, actor: { ...c.actor, accountId: account.id } };
  await audit(actorCtx, {
    action: "invitation.accept",
    entity: "membership",
    entityId: membership.id,
    changes: { role: [null, membership.role] },
  });
  const device = await recordDevice(c, account.id, client.deviceToken, client.userAgent, false);
  const session = await createSession(c, {
    accountId: account.id,
    stage: "active",
    deviceId: device.deviceId,
    ip: client.ip,
    userAgent: client.userAgent,
    contextId: membership.id,
  });
  return {
    me: await meOf(c, account, membership.id, new Date()),
    sessionToken: session.token,
    deviceToken: device.newToken,
  };
}
