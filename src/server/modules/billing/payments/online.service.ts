import { randomBytes } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { audit } from "../../../platform/audit/audit.service.js";
import { type ActionOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { queryRows } from "../../../platform/db/client.js";
import { enterCompany } from "../../../platform/db/scope.js";
import { errors } from "../../../platform/errors.js";
import { defineTask } from "../../../platform/jobs/tasks.js";
import { contactsOf, getAccount } from "../../accounts/index.js";
import { unitRef } from "../../registry/index.js";
import { formatVnd } from "../core/money.js";
import { invoicePolicy } from "../invoices/invoices.policy.js";
import { invoices } from "../invoices/invoices.table.js";
import type { GatewayResult, IpnCode, PaymentGateway } from "./gateway/gateway.js";
import { paymentGateway } from "./gateway/setup.js";
import { autopayMandates, gatewayPayments } from "./online.table.js";
import { recordPayment } from "./payments.service.js";

/** Charges of a saved card per notice before the resident is told it failed. */
export const AUTOPAY_ATTEMPTS = 3;

/** Our reference for a gateway transaction: the notice's code and a random suffix (letters and digits only). */
const newRef = (prefix: string) => `${prefix}${randomBytes(4).toString("hex").toUpperCase()}`;

function gatewayOf(ctx: Ctx): PaymentGateway {
  const gateway = paymentGateway.get(ctx.platform);
  if (!gateway) throw errors.unavailable("GATEWAY_UNAVAILABLE");
  return gateway;
}

/** Our callback the gateway sends the payer's browser back to, on the origin the payer must return to. */
const callbackUrl = (origin: string, path: string) => `${origin}/api/v1/gateway/vnpay/${path}`;

async function payableInvoice(ctx: Ctx, invoiceId: string, action: ActionOf<typeof invoicePolicy>) {
  const [row] = await ctx.tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.companyId, ctx.companyId), eq(invoices.id, invoiceId)));
  if (!row || row.status === "draft") throw errors.notFound("invoice");
  authorizeVisible(
    ctx.actor,
    action,
    subject(invoicePolicy, { buildingId: row.buildingId, unitId: row.unitId }),
  );
  if (row.status !== "issued" && row.status !== "partially_paid") throw errors.rule("INVOICE_NOT_PAYABLE");
  return row;
}

/**
 * Starts paying a notice's balance by card or e-wallet: records the attempt and answers the gateway's payment
 * page URL. What the payer comes back with is only shown; the gateway's IPN decides.
 * @param returnOrigin where the payer's browser comes back to (see `returnOriginOf` in the routes)
 */
export async function startOnlinePayment(ctx: Ctx, invoiceId: string, ipAddr: string, returnOrigin: string) {
  const gateway = gatewayOf(ctx);
  const invoice = await payableInvoice(ctx, invoiceId, "pay");
  const amount = invoice.total - invoice.paid;
  const txnRef = newRef(invoice.code);
  await ctx.tx.insert(gatewayPayments).values({
    companyId: ctx.companyId,
    txnRef,
    invoiceId: invoice.id,
    unitId: invoice.unitId,
    buildingId: invoice.buildingId,
    amount,
    startedBy: ctx.actor.accountId,
  });
  await audit(ctx, {
    action: "payment.online_start",
    entity: "invoice",
    entityId: invoice.id,
    changes: { amount: [null, amount], txnRef: [null, txnRef] },
  });
  const url = gateway.createPaymentUrl({
    txnRef,
    amount,
    orderInfo: `Thanh toan ${invoice.code} ky ${invoice.period}`,
    ipAddr,
    returnUrl: callbackUrl(returnOrigin, "return"),
    locale: ctx.lang === "en" ? "en" : "vn",
    createdAt: new Date(),
  });
  return { url, txnRef, amount };
}

/** Enters the company that owns a gateway reference (found through a SECURITY DEFINER lookup). */
export async function companyOfRef(ctx: Ctx, txnRef: string): Promise<Ctx | null> {
  const owners = await queryRows<{ company_id: string }>(
    ctx.tx,
    sql`select company_id from app_gateway_ref_company(${txnRef})`,
  );
  const [owner] = owners;
  return owner && owners.length === 1 ? enterCompany(ctx, owner.company_id) : null;
}

/**
 * Applies a gateway's verified result to the attempt it names, once: 01 unknown reference, 04 another amount,
 * 02 already settled, 00 recorded (the notice is paid when the result is a success).
 */
export async function settleGatewayResult(ctx: Ctx, result: GatewayResult): Promise<IpnCode> {
  const [attempt] = await ctx.tx
    .select()
    .from(gatewayPayments)
    .where(and(eq(gatewayPayments.companyId, ctx.companyId), eq(gatewayPayments.txnRef, result.txnRef)))
    .for("update");
  if (!attempt) return "01";
  if (attempt.amount !== result.amount) return "04";
  if (attempt.status !== "pending") return "02";
  if (result.success) {
    await recordPayment(ctx, {
      buildingId: attempt.buildingId,
      unitId: attempt.unitId,
      method: attempt.via === "autopay" ? "auto_debit" : "card",
      amount: attempt.amount,
      reference: `vnpay:${attempt.txnRef}`,
      invoiceId: attempt.invoiceId,
      receivedAt: result.payDate ?? new Date(),
    });
  } else {
    await audit(ctx, {
      action: "payment.online_failed",
      entity: "invoice",
      entityId: attempt.invoiceId,
      changes: { txnRef: [null, attempt.txnRef], responseCode: [null, result.responseCode] },
    });
  }
  await ctx.tx
    .update(gatewayPayments)
    .set({
      status: result.success ? "paid" : "failed",
      responseCode: result.responseCode,
      gatewayTransactionNo: result.gatewayTransactionNo,
      settledAt: new Date(),
    })
    .where(and(eq(gatewayPayments.companyId, ctx.companyId), eq(gatewayPayments.id, attempt.id)));
  return "00";
}

/** The notice a gateway reference paid for (to send the payer back to it). */
export async function invoiceOfRef(ctx: Ctx, txnRef: string): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ invoiceId: gatewayPayments.invoiceId })
    .from(gatewayPayments)
    .where(and(eq(gatewayPayments.companyId, ctx.companyId), eq(gatewayPayments.txnRef, txnRef)));
  return row?.invoiceId ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Auto-debit

async function assertOwnUnit(ctx: Ctx, unitId: string) {
  const unit = await unitRef(ctx, unitId);
  authorizeVisible(ctx.actor, "pay", subject(invoicePolicy, { buildingId: unit.buildingId, unitId }));
  return unit;
}

export async function getAutopay(ctx: Ctx, unitId: string) {
  await assertOwnUnit(ctx, unitId);
  const [row] = await ctx.tx
    .select()
    .from(autopayMandates)
    .where(
      and(
        eq(autopayMandates.companyId, ctx.companyId),
        eq(autopayMandates.unitId, unitId),
        eq(autopayMandates.status, "active"),
      ),
    );
  return {
    active: Boolean(row),
    cardMasked: row?.cardMasked ?? null,
    since: row?.createdAt.toISOString() ?? null,
    lastFailure: row?.lastFailure ?? null,
  };
}

/**
 * Starts saving a card for auto-debit: answers the gateway's page where the resident authorises it once.
 * @param returnOrigin where the payer's browser comes back to (see `returnOriginOf` in the routes)
 */
export async function startAutopay(ctx: Ctx, unitId: string, ipAddr: string, returnOrigin: string) {
  const gateway = gatewayOf(ctx);
  if (!gateway.createToken) throw errors.unavailable("GATEWAY_UNAVAILABLE");
  await assertOwnUnit(ctx, unitId);
  const accountId = ctx.actor.accountId as string;
  const txnRef = newRef("AP");
  await ctx.tx.insert(autopayMandates).values({ companyId: ctx.companyId, unitId, accountId, txnRef });
  const url = gateway.createToken({
    appUserId: accountId.replaceAll("-", ""),
    txnRef,
    description: "Dang ky tu dong thanh toan phi chung cu",
    ipAddr,
    returnUrl: callbackUrl(returnOrigin, "token-return"),
    cancelUrl: callbackUrl(returnOrigin, "token-return"),
    locale: ctx.lang === "en" ? "en" : "vn",
    createdAt: new Date(),
  });
  return { url };
}

/** The gateway's answer to saving a card: the mandate becomes active (replacing an earlier one) or is dropped. */
export async function completeAutopay(
  ctx: Ctx,
  result: { txnRef: string; success: boolean; token: string | null; cardNumberMasked: string | null },
) {
  const [mandate] = await ctx.tx
    .select()
    .from(autopayMandates)
    .where(and(eq(autopayMandates.companyId, ctx.companyId), eq(autopayMandates.txnRef, result.txnRef)))
    .for("update");
  if (mandate?.status !== "pending") return false;
  if (!result.success || !result.token) {
    await ctx.tx
      .update(autopayMandates)
      .set({ status: "cancelled", cancelledAt: new Date(), lastFailure: "not authorised" })
      .where(and(eq(autopayMandates.companyId, ctx.companyId), eq(autopayMandates.id, mandate.id)));
    return false;
  }
  await ctx.tx
    .update(autopayMandates)
    .set({ status: "cancelled", cancelledAt: new Date() })
    .where(
      and(
        eq(autopayMandates.companyId, ctx.companyId),
        eq(autopayMandates.unitId, mandate.unitId),
        eq(autopayMandates.status, "active"),
      ),
    );
  await ctx.tx
    .update(autopayMandates)
    .set({
      status: "active",
      tokenEnc: encrypt(ctx.platform.keyring.systemKey, result.token),
      cardMasked: result.cardNumberMasked,
    })
    .where(and(eq(autopayMandates.companyId, ctx.companyId), eq(autopayMandates.id, mandate.id)));
  await audit(
    { ...ctx, actor: { ...ctx.actor, accountId: mandate.accountId } },
    {
      action: "autopay.enable",
      entity: "unit",
      entityId: mandate.unitId,
      changes: { card: [null, result.cardNumberMasked] },
    },
  );
  return true;
}

/** Stops auto-debit for the unit at once; the gateway is asked to forget the card as well. */
export async function cancelAutopay(ctx: Ctx, unitId: string, ipAddr: string) {
  await assertOwnUnit(ctx, unitId);
  const rows = await ctx.tx
    .update(autopayMandates)
    .set({ status: "cancelled", cancelledAt: new Date() })
    .where(
      and(
        eq(autopayMandates.companyId, ctx.companyId),
        eq(autopayMandates.unitId, unitId),
        eq(autopayMandates.status, "active"),
      ),
    )
    .returning();
  const [mandate] = rows;
  if (!mandate) throw errors.notFound("resource");
  await audit(ctx, {
    action: "autopay.cancel",
    entity: "unit",
    entityId: unitId,
    changes: { card: [mandate.cardMasked, null] },
  });
  const gateway = paymentGateway.get(ctx.platform);
  if (gateway?.removeToken && mandate.tokenEnc) {
    const token = decrypt(ctx.platform.keyring.systemKey, mandate.tokenEnc);
    ctx.afterCommit(async () => {
      await gateway.removeToken?.({
        appUserId: mandate.accountId.replaceAll("-", ""),
        token,
        txnRef: newRef("RM"),
        ipAddr,
        createdAt: new Date(),
      });
    });
  }
}

type Charge = {
  invoiceId: string;
  txnRef: string;
  amount: number;
  token: string;
  accountId: string;
  attempt: number;
};

/** Prepares one charge: the notice is still open, the unit still has a mandate, attempts are left. */
async function prepareCharge(ctx: Ctx, invoiceId: string): Promise<Charge | null> {
  const [row] = await ctx.tx
    .select({ invoice: invoices, mandate: autopayMandates })
    .from(invoices)
    .innerJoin(
      autopayMandates,
      and(
        eq(autopayMandates.companyId, invoices.companyId),
        eq(autopayMandates.unitId, invoices.unitId),
        eq(autopayMandates.status, "active"),
      ),
    )
    .where(and(eq(invoices.companyId, ctx.companyId), eq(invoices.id, invoiceId)));
  if (!row?.mandate.tokenEnc) return null;
  const { invoice, mandate } = row;
  if (invoice.status !== "issued" && invoice.status !== "partially_paid") return null;
  const [tried] = await ctx.tx
    .select({ n: count() })
    .from(gatewayPayments)
    .where(
      and(
        eq(gatewayPayments.companyId, ctx.companyId),
        eq(gatewayPayments.invoiceId, invoiceId),
        eq(gatewayPayments.via, "autopay"),
      ),
    );
  const attempt = (tried?.n ?? 0) + 1;
  if (attempt > AUTOPAY_ATTEMPTS) return null;
  const txnRef = newRef(invoice.code);
  const amount = invoice.total - invoice.paid;
  await ctx.tx.insert(gatewayPayments).values({
    companyId: ctx.companyId,
    txnRef,
    invoiceId,
    unitId: invoice.unitId,
    buildingId: invoice.buildingId,
    amount,
    via: "autopay",
    startedBy: mandate.accountId,
  });
  return {
    invoiceId,
    txnRef,
    amount,
    token: decrypt(ctx.platform.keyring.systemKey, mandate.tokenEnc as Buffer),
    accountId: mandate.accountId,
    attempt,
  };
}

/** Tells the resident the last attempt failed, by email (or SMS), and keeps the reason on the mandate. */
async function noticeFailure(ctx: Ctx, charge: Charge, code: string) {
  await ctx.tx
    .update(autopayMandates)
    .set({ lastFailure: `${new Date().toISOString()} ${code}` })
    .where(
      and(
        eq(autopayMandates.companyId, ctx.companyId),
        eq(autopayMandates.accountId, charge.accountId),
        eq(autopayMandates.status, "active"),
      ),
    );
  if (charge.attempt < AUTOPAY_ATTEMPTS) return;
  const account = await getAccount(ctx.tx, charge.accountId);
  const contacts = contactsOf(ctx.platform, account);
  const text = `Chungcu: không trừ được ${formatVnd(charge.amount)} từ thẻ đã đăng ký tự động thanh toán (mã ${code}). Vui lòng thanh toán thông báo phí trong ứng dụng.`;
  const to = contacts.email ?? contacts.phone;
  if (!to) return;
  ctx.afterCommit(async () => {
    await ctx.platform.messenger.send(
      contacts.email
        ? { channel: "email", to, subject: "Tự động thanh toán không thành công", text }
        : { channel: "sms", to, text },
    );
  });
}

/**
 * Charges newly issued notices to their units' saved cards, one at a time (each attempt recorded before the
 * gateway is called, settled after). A declined or failed charge is retried by the queue up to
 * AUTOPAY_ATTEMPTS times; after the last, the resident gets a notice.
 */
export const autopayTask = defineTask<{ invoiceIds: string[] }>("billing.autopay", async (run, data) => {
  let paid = 0;
  let failed = 0;
  for (const invoiceId of data.invoiceIds) {
    const charge = await run((ctx) => prepareCharge(ctx, invoiceId));
    if (!charge) continue;
    // The gateway is called outside any transaction: a slow bank must not hold the database.
    const gateway = await run(async (ctx) => gatewayOf(ctx));
    const result = await Promise.resolve()
      .then(() => {
        if (!gateway.chargeToken) throw errors.unavailable("GATEWAY_UNAVAILABLE");
        return gateway.chargeToken({
          appUserId: charge.accountId.replaceAll("-", ""),
          token: charge.token,
          txnRef: charge.txnRef,
          amount: charge.amount,
          description: `Tu dong thanh toan ${charge.txnRef}`,
          ipAddr: "127.0.0.1",
          createdAt: new Date(),
        });
      })
      .catch(() => ({ valid: false, success: false, responseCode: "99" }) as const);
    if (result.valid && result.success) {
      await run((ctx) => settleGatewayResult(ctx, result));
      paid++;
      continue;
    }
    failed++;
    await run(async (ctx) => {
      if (result.valid) await settleGatewayResult(ctx, result);
      await noticeFailure(ctx, charge, result.responseCode);
    });
  }
  if (failed > 0) throw new Error(`${failed} auto-debit charge(s) failed; the queue retries them`);
  return { paid };
});

/** Queues auto-debit for those of the issued notices whose units have an active mandate. */
export async function queueAutopay(ctx: Ctx, invoiceIds: string[]) {
  if (invoiceIds.length === 0 || !paymentGateway.get(ctx.platform)) return 0;
  const due = await queryRows<{ id: string }>(
    ctx.tx,
    sql`select i.id from invoices i
         where i.company_id = ${ctx.companyId} and i.id in ${invoiceIds} and i.total > i.paid
           and exists (select 1 from autopay_mandates a where a.company_id = i.company_id
                        and a.unit_id = i.unit_id and a.status = 'active')`,
  );
  if (due.length > 0)
    await ctx.platform.tasks.enqueue(ctx, autopayTask, { invoiceIds: due.map((d) => d.id) });
  return due.length;
}
