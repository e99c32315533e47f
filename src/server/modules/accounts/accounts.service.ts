import { and, eq, inArray, sql } from "drizzle-orm";
import type { Lang } from "../../../contracts/common.js";
import type { Ctx, Platform } from "../../platform/context.js";
import { type Contact, maskContact, parseContact } from "../../platform/crypto/contact.js";
import { decrypt, encrypt } from "../../platform/crypto/crypto.js";
import { queryRows, type Tx } from "../../platform/db/client.js";
import { insertOne } from "../../platform/db/insert.js";
import { errors } from "../../platform/errors.js";
import { accounts } from "./accounts.table.js";
import { hashPassword, isStrongPassword } from "./passwords.js";
import { revokeAllSessions } from "./sessions.service.js";

export type AccountRow = typeof accounts.$inferSelect;

export const contactIndex = (platform: Platform, c: Contact) => platform.keyring.blindIndex(c.kind, c.value);

/** Finds an account by email or phone through its blind index. */
export async function findAccountByContact(
  tx: Tx,
  platform: Platform,
  contact: Contact,
): Promise<AccountRow | null> {
  const bidx = contactIndex(platform, contact);
  const [row] = await tx
    .select()
    .from(accounts)
    .where(contact.kind === "email" ? eq(accounts.emailBidx, bidx) : eq(accounts.phoneBidx, bidx));
  return row ?? null;
}

export async function getAccount(tx: Tx, id: string): Promise<AccountRow> {
  const [row] = await tx.select().from(accounts).where(eq(accounts.id, id));
  if (!row) throw errors.unauthenticated();
  return row;
}

export type NewAccount = {
  displayName: string;
  contact: Contact;
  password: string;
  lang?: Lang;
  platformRole?: "platform_admin" | null;
};

/** Creates an account with its own data key; contacts are stored encrypted with it. */
export async function createAccount(tx: Tx, platform: Platform, input: NewAccount): Promise<AccountRow> {
  if (!isStrongPassword(input.password)) throw errors.rule("PASSWORD_TOO_WEAK");
  const { key, wrapped } = platform.keyring.newDataKey();
  const enc = encrypt(key, input.contact.value);
  const bidx = contactIndex(platform, input.contact);
  const row = await insertOne(
    tx
      .insert(accounts)
      .values({
        displayName: input.displayName,
        dataKey: wrapped,
        passwordHash: await hashPassword(input.password),
        lang: input.lang ?? "vi",
        platformRole: input.platformRole ?? null,
        ...(input.contact.kind === "email"
          ? { emailEnc: enc, emailBidx: bidx }
          : { phoneEnc: enc, phoneBidx: bidx }),
      })
      .returning(),
  );
  return row;
}

/** The person's data key, unwrapped; null once it has been destroyed (crypto-shredding). */
export function dataKeyOf(platform: Platform, row: Pick<AccountRow, "dataKey">): Buffer | null {
  return row.dataKey ? platform.keyring.unwrap(row.dataKey) : null;
}

export function contactsOf(
  platform: Platform,
  row: AccountRow,
): { email: string | null; phone: string | null } {
  const key = dataKeyOf(platform, row);
  return {
    email: key && row.emailEnc ? decrypt(key, row.emailEnc) : null,
    phone: key && row.phoneEnc ? decrypt(key, row.phoneEnc) : null,
  };
}

export function maskedContactsOf(platform: Platform, row: AccountRow) {
  const { email, phone } = contactsOf(platform, row);
  return {
    email: email ? maskContact({ kind: "email", value: email }) : null,
    phone: phone ? maskContact({ kind: "phone", value: phone }) : null,
  };
}

/**
 * Accounts' names as a subquery, for another module's list that sorts or filters its rows by the person's
 * name (staff); contacts come from maskedContactsByAccount() for the page it shows. Joined twice in one query
 * (who opened, who answers), each join needs its own alias.
 */
export const accountNames = (tx: Tx, alias = "account_names") =>
  tx.select({ id: accounts.id, displayName: accounts.displayName }).from(accounts).as(alias);

/**
 * The account whose email or phone is exactly what was typed (found by its blind index, never by decrypting),
 * for a search box that takes a name, an email or a phone; none when the text is not a contact.
 */
export async function accountIdsByContactText(tx: Tx, platform: Platform, text: string): Promise<string[]> {
  const contact = parseContact(text);
  if (!contact) return [];
  const row = await findAccountByContact(tx, platform, contact);
  return row ? [row.id] : [];
}

/** Whether an account exists and may sign in (not disabled, not closed). */
export async function isAccountActive(tx: Tx, accountId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.status, "active")));
  return Boolean(row);
}

/** The masked email and phone of some accounts, by account id. */
export async function maskedContactsByAccount(tx: Tx, platform: Platform, ids: readonly string[]) {
  const rows = ids.length
    ? await tx
        .select()
        .from(accounts)
        .where(inArray(accounts.id, [...ids]))
    : [];
  return new Map(rows.map((row) => [row.id, maskedContactsOf(platform, row)]));
}

export function parseContactOrFail(input: string, field = "contact"): Contact {
  const c = parseContact(input);
  if (!c) throw errors.validation({ [field]: "CONTACT_INVALID" });
  return c;
}

export type Recipient = {
  accountId: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  lang: "vi" | "en";
};

/** Whether some accounts have an email and a phone, and their language: nothing is decrypted. */
export async function reachableAccounts(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({
      id: accounts.id,
      lang: accounts.lang,
      emailEnc: accounts.emailEnc,
      phoneEnc: accounts.phoneEnc,
    })
    .from(accounts)
    .where(inArray(accounts.id, [...ids]));
  return rows.map((r) => ({
    accountId: r.id,
    lang: (r.lang === "en" ? "en" : "vi") as "vi" | "en",
    email: r.emailEnc !== null,
    phone: r.phoneEnc !== null,
  }));
}

/** The decrypted contacts of some accounts, for messages sent to them. */
export async function recipientsOf(tx: Tx, platform: Platform, ids: readonly string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(accounts)
    .where(inArray(accounts.id, [...ids]));
  return rows.map((row) => ({
    accountId: row.id,
    displayName: row.displayName,
    ...contactsOf(platform, row),
    lang: row.lang === "en" ? "en" : "vi",
  }));
}

/**
 * Closes a person's account when they asked for erasure and no company holds another role for it: the row
 * goes with its sessions, devices and codes, and its data key with it. Otherwise every session is revoked
 * (signed out everywhere) and the account stays for its other roles. Answers whether it was deleted.
 */
export async function closeAccountForErasure(ctx: Ctx, accountId: string): Promise<boolean> {
  await revokeAllSessions(ctx, accountId);
  const [row] = await queryRows<{ n: number }>(
    ctx.tx,
    sql`select app_account_other_memberships(${accountId}, ${ctx.companyId}) as n`,
  );
  const [account] = await ctx.tx
    .select({ platformRole: accounts.platformRole })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!account || (row?.n ?? 0) > 0 || account.platformRole) return false;
  await ctx.tx.delete(accounts).where(eq(accounts.id, accountId));
  return true;
}

/** The data keys of some accounts (unwrapped), to open what was sealed for them; a deleted account has none. */
export async function dataKeysOf(
  tx: Tx,
  platform: Platform,
  ids: readonly string[],
): Promise<Map<string, Buffer>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: accounts.id, dataKey: accounts.dataKey })
    .from(accounts)
    .where(inArray(accounts.id, [...ids]));
  return new Map(
    rows.flatMap((r) => (r.dataKey ? [[r.id, platform.keyring.unwrap(r.dataKey)] as const] : [])),
  );
}
