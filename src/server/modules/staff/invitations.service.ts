import { sql } from "drizzle-orm";
import type { Me } from "../../../contracts/auth.js";
import type { Page, PageQuery } from "../../../contracts/common.js";
import { audit } from "../../platform/audit/audit.service.js";
import type { Ctx } from "../../platform/context.js";
import { type Contact, maskContact, parseContact } from "../../platform/crypto/contact.js";
import { decrypt, encrypt, randomToken, sha256 } from "../../platform/crypto/crypto.js";
import { queryRows } from "../../platform/db/client.js";
import { pageOf } from "../../platform/db/paging.js";
import { enterCompany } from "../../platform/db/scope.js";
import { errors } from "../../platform/errors.js";
import { consentWording } from "../../platform/privacy/consent-wording.js";
import {
  type ClientInfo,
  confirmPassword,
  contactIndex,
  createAccount,
  findAccountByContact,
  parseContactOrFail,
  signInInvited,
} from "../accounts/index.js";
import { companyProfile, onCompanyCreated } from "../companies/index.js";
import {
  type InvitationRow,
  type InvitationStatus,
  insertInvitation,
  invitationPage,
  invitationRows,
  liveResidentInvitations,
  lockInvitation,
  markInvitationAccepted,
  revokeInvitationRow,
} from "./invitations.repo.js";
import { upsertMembership } from "./memberships.repo.js";

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export const invitationStatus = (i: InvitationRow): InvitationStatus =>
  i.revokedAt
    ? "revoked"
    : i.acceptedAt
      ? "accepted"
      : i.expiresAt.getTime() < Date.now()
        ? "expired"
        : "pending";

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
  const row = await insertInvitation(ctx.tx, {
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
  });
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
  const company = await companyProfile(ctx, ctx.companyId);
  const link = `${ctx.platform.config.publicUrl}/invite/${token}`;
  const text =
    `${input.displayName} thân mến, ${company?.name ?? ""} mời bạn tham gia Chungcu. Mở liên kết để kích hoạt tài khoản (hiệu lực 7 ngày): ${link}` +
    (channel === "email"
      ? `\n\nYou are invited to join ${company?.name ?? ""} on Chungcu. Open the link to activate your account (valid 7 days): ${link}`
      : "");
  ctx.afterCommit(async () => {
    await ctx.platform.messenger.send(
      channel === "email"
        ? { channel, to: contact.value, subject: `Lời mời tham gia ${company?.name ?? "Chungcu"}`, text }
        : { channel, to: contact.value, text, smsType: "otp" },
    );
  });
  return toDto(ctx, row);
}

export async function listInvitations(
  ctx: Ctx,
  q: PageQuery & { status?: InvitationStatus },
  roles: readonly string[],
): Promise<Page<ReturnType<typeof toDto>>> {
  return pageOf(
    q,
    invitationPage(ctx.tx, { companyId: ctx.companyId, roles, status: q.status, q: q.q }),
    (r) => toDto(ctx, r),
  );
}

/** Some invitations of the company by id, as the staff list shows them (masked contact, status). */
export async function invitationsById(ctx: Ctx, ids: readonly string[]) {
  const rows = await invitationRows(ctx.tx, { companyId: ctx.companyId, ids });
  return rows.map((r) => toDto(ctx, r));
}

export async function revokeInvitation(ctx: Ctx, id: string): Promise<void> {
  if (!(await revokeInvitationRow(ctx.tx, { companyId: ctx.companyId, id })))
    throw errors.notFound("invitation");
  await audit(ctx, { action: "invitation.revoke", entity: "invitation", entityId: id });
}

/** Invitations to some registry records that are neither revoked nor expired, and whether each was accepted. */
export async function liveInvitationsOfResidents(ctx: Ctx, residentIds: readonly string[]) {
  return liveResidentInvitations(ctx.tx, { companyId: ctx.companyId, residentIds });
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
  const invitation = await lockInvitation(inCompany.tx, { companyId: ref.company_id, id: ref.id });
  if (!invitation || invitationStatus(invitation) !== "pending") throw errors.rule("INVITATION_INVALID");
  const company = await companyProfile(inCompany, ref.company_id);
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
  const membership = await upsertMembership(c.tx, {
    companyId: c.companyId,
    accountId: account.id,
    role: invitation.role,
    buildingIds: invitation.buildingIds,
    unitIds: invitation.unitIds,
  });
  await markInvitationAccepted(c.tx, { companyId: c.companyId, id: invitation.id, accountId: account.id });
  for (const hook of acceptedHooks) await hook(c, invitation, account.id);
  const actorCtx = { ...c, actor: { ...c.actor, accountId: account.id } };
  await audit(actorCtx, {
    action: "invitation.accept",
    entity: "membership",
    entityId: membership.id,
    changes: { role: [null, membership.role] },
  });
  return signInInvited(c, account, membership.id, client);
}

// A new company's first admin is invited as the company is created.
onCompanyCreated(async (ctx, admin) => {
  await createInvitation(ctx, { ...admin, role: "company_admin" });
});
