import { and, count, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  BankAccountOwner,
  UnroutedTransfer,
  UnroutedTransferQuery,
} from "../../../../contracts/billing.js";
import { audit } from "../../../platform/audit/audit.service.js";
import { authorize } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";
import { insertOne } from "../../../platform/db/insert.js";
import { pageOf } from "../../../platform/db/paging.js";
import { errors } from "../../../platform/errors.js";
import { companyProfile } from "../../companies/index.js";
import type { BankTransfer } from "./bank-feed/sepay.js";
import { bankAccountOwnerPolicy, unroutedTransferPolicy } from "./unrouted.policy.js";
import { bankAccountOwners, bankFeedInbox } from "./unrouted.table.js";

/**
 * A company registering an account number claims it for the whole installation, unless another company holds
 * it: then 409 BANK_ACCOUNT_HELD (which company is not said). Runs in the registering company's transaction.
 * @param accountNumber the number as registered
 */
export async function claimBankAccount(ctx: Ctx, accountNumber: string): Promise<void> {
  const [row] = await queryRows<{ holder: string | null }>(
    ctx.tx,
    sql`select app_claim_bank_account(${accountNumber}) as holder`,
  );
  if (row?.holder !== ctx.companyId) throw errors.bankAccountHeld();
}

/** The company that holds an account number (routing of the bank feed), or null. */
export async function bankAccountHolder(ctx: Ctx, accountNumber: string): Promise<string | null> {
  const owners = await queryRows<{ company_id: string }>(
    ctx.tx,
    sql`select company_id from app_bank_account_companies(${accountNumber})`,
  );
  return owners.length === 1 ? (owners[0]?.company_id ?? null) : null;
}

/**
 * Stores a delivered transaction in the installation-wide inbox, once per feed transaction id, in the caller's
 * platform-scope transaction. A transfer routed to a company keeps only its key here; one that no company
 * holds keeps its memo and waits in the platform admin's queue (outgoing money is kept as "ignored").
 * @returns the inbox row's id, or null when the transaction was delivered before
 */
export async function keepDelivery(ctx: Ctx, t: BankTransfer, companyId: string | null) {
  const [row] = await ctx.tx
    .insert(bankFeedInbox)
    .values({
      provider: t.provider,
      externalId: t.externalId,
      accountNumber: t.accountNumber,
      amount: t.amount,
      direction: t.direction,
      occurredAt: t.occurredAt,
      companyId,
      status: companyId ? "routed" : t.direction === "in" ? "unrouted" : "ignored",
      ...(companyId ? {} : { gateway: t.gateway, memo: t.memo, bankReference: t.bankReference }),
    })
    .onConflictDoNothing({ target: [bankFeedInbox.provider, bankFeedInbox.externalId] })
    .returning({ id: bankFeedInbox.id, status: bankFeedInbox.status });
  if (row && !companyId) {
    await audit(ctx, {
      action: "bank_transfer.unrouted",
      entity: "bank_transfer",
      entityId: row.id,
      changes: { amount: [null, t.amount], account: [null, `…${t.accountNumber.slice(-4)}`] },
    });
  }
  return row ?? null;
}

const unroutedDto = (r: typeof bankFeedInbox.$inferSelect): z.infer<typeof UnroutedTransfer> => ({
  id: r.id,
  provider: r.provider,
  externalId: r.externalId,
  gateway: r.gateway,
  accountNumber: r.accountNumber,
  amount: r.amount,
  direction: r.direction as "in" | "out",
  memo: r.memo,
  occurredAt: r.occurredAt.toISOString(),
  receivedAt: r.receivedAt.toISOString(),
  status: r.status as "unrouted" | "assigned" | "ignored",
  companyId: r.companyId,
  assignedAt: r.assignedAt?.toISOString() ?? null,
});

/** The platform admin's queue: transfers no company held, newest first (routed ones are not listed). */
export async function listUnrouted(ctx: Ctx, q: z.infer<typeof UnroutedTransferQuery>) {
  authorize(ctx.actor, "list", unroutedTransferPolicy);
  const where = q.status ? eq(bankFeedInbox.status, q.status) : sql`${bankFeedInbox.status} <> 'routed'`;
  return pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(bankFeedInbox)
          .where(where)
          .orderBy(desc(bankFeedInbox.receivedAt), desc(bankFeedInbox.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(bankFeedInbox).where(where),
    },
    unroutedDto,
  );
}

async function companyExists(ctx: Ctx, companyId: string) {
  if (!(await companyProfile(ctx, companyId))) throw errors.notFound("company");
}

/**
 * The platform admin takes a waiting transfer out of the queue for a company: recorded in the platform's audit
 * chain; the memo leaves the platform's table, since the company will hold it.
 * @returns the transfer, for the company to receive like any other
 */
export async function takeUnrouted(ctx: Ctx, id: string, companyId: string): Promise<BankTransfer> {
  authorize(ctx.actor, "assign", unroutedTransferPolicy);
  const [row] = await ctx.tx.select().from(bankFeedInbox).where(eq(bankFeedInbox.id, id)).for("update");
  if (!row) throw errors.notFound("bank_transfer");
  if (row.status !== "unrouted") throw errors.rule("TRANSFER_ALREADY_ASSIGNED");
  await companyExists(ctx, companyId);
  await ctx.tx
    .update(bankFeedInbox)
    .set({
      status: "assigned",
      companyId,
      assignedBy: ctx.actor.accountId,
      assignedAt: new Date(),
      memo: null,
      gateway: null,
      bankReference: null,
    })
    .where(and(eq(bankFeedInbox.provider, row.provider), eq(bankFeedInbox.externalId, row.externalId)));
  await audit(ctx, {
    action: "bank_transfer.assign",
    entity: "bank_transfer",
    entityId: row.id,
    changes: { companyId: [null, companyId], amount: [null, row.amount] },
  });
  return {
    provider: "sepay",
    externalId: row.externalId,
    gateway: row.gateway ?? "",
    accountNumber: row.accountNumber,
    amount: row.amount,
    direction: row.direction as "in" | "out",
    memo: row.memo ?? "",
    bankReference: row.bankReference,
    occurredAt: row.occurredAt,
  };
}

/**
 * The platform admin moves an account number to the company that now holds it (a real change of company):
 * from then on the feed routes its transfers there, and that company may register it.
 */
export async function setBankAccountOwner(
  ctx: Ctx,
  accountNumber: string,
  companyId: string,
): Promise<z.infer<typeof BankAccountOwner>> {
  authorize(ctx.actor, "reassign", bankAccountOwnerPolicy);
  await companyExists(ctx, companyId);
  const [before] = await ctx.tx
    .select()
    .from(bankAccountOwners)
    .where(eq(bankAccountOwners.accountNumber, accountNumber))
    .for("update");
  const row = await insertOne(
    ctx.tx
      .insert(bankAccountOwners)
      .values({ accountNumber, companyId })
      .onConflictDoUpdate({ target: bankAccountOwners.accountNumber, set: { companyId, since: sql`now()` } })
      .returning(),
  );
  await audit(ctx, {
    action: "bank_account.owner_change",
    entity: "bank_account",
    entityId: accountNumber,
    changes: { companyId: [before?.companyId ?? null, companyId] },
  });
  return { accountNumber: row.accountNumber, companyId: row.companyId, since: row.since.toISOString() };
}
