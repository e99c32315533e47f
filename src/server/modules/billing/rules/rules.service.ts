import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { bankByBin } from "../../../../contracts/banks.js";
import type {
  BankAccount,
  BankAccountBody,
  BillingSettingsBody,
  FeeRule,
  FeeRuleBody,
} from "../../../../contracts/billing.js";
import { audit, diff, nothingToAudit } from "../../../platform/audit/audit.service.js";
import { type ActionOf, authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";
import { insertOne } from "../../../platform/db/insert.js";
import { conflictOn, errors } from "../../../platform/errors.js";
import { message } from "../../../platform/i18n/messages.js";
import { periodFrom } from "../../../platform/time.js";
import { loadBuilding } from "../../buildings/index.js";
import { billableUnits } from "../../registry/index.js";
import { billingPolicy } from "../billing.policy.js";
import { addVnd, exactVnd, lineTooLarge, MAX_LINE_VND } from "../core/sums.js";
import { claimBankAccount } from "../payments/unrouted.service.js";
import { chargeLines, periodBounds } from "../runs/charges.sql.js";
import { tariffs } from "../tariffs/tariffs.table.js";
import { bankAccounts, buildingBilling, feeRules } from "./rules.table.js";

conflictOn("bank_accounts_number", "accountNumber");

type RuleRow = typeof feeRules.$inferSelect;
type Settings = z.infer<typeof BillingSettingsBody>;

/** The building, checked to be this company's and within the actor's reach for `action` on its billing. */
export async function billingBuilding(ctx: Ctx, buildingId: string, action: ActionOf<typeof billingPolicy>) {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, action, subject(billingPolicy, { buildingId: building.id }));
  return building;
}

export async function getSettings(ctx: Ctx, buildingId: string): Promise<Settings & { buildingId: string }> {
  await billingBuilding(ctx, buildingId, "read");
  const [row] = await ctx.tx
    .select()
    .from(buildingBilling)
    .where(and(eq(buildingBilling.companyId, ctx.companyId), eq(buildingBilling.buildingId, buildingId)));
  return {
    buildingId,
    feeFrameMin: row?.feeFrameMin ?? null,
    feeFrameMax: row?.feeFrameMax ?? null,
    dueDays: row?.dueDays ?? 15,
    lateFeePercent: row?.lateFeePercent == null ? null : Number(row.lateFeePercent),
    reminderDays: row ? row.reminderDays : 7,
  };
}

export async function saveSettings(ctx: Ctx, buildingId: string, body: Settings) {
  await billingBuilding(ctx, buildingId, "configure");
  if (body.feeFrameMin !== null && body.feeFrameMax !== null && body.feeFrameMin > body.feeFrameMax) {
    throw errors.validation({ feeFrameMax: "FEE_FRAME_ORDER" });
  }
  const before = await getSettings(ctx, buildingId);
  const values = {
    ...body,
    lateFeePercent: body.lateFeePercent == null ? null : String(body.lateFeePercent),
  };
  await ctx.tx
    .insert(buildingBilling)
    .values({ companyId: ctx.companyId, buildingId, ...values })
    .onConflictDoUpdate({
      target: [buildingBilling.companyId, buildingBilling.buildingId],
      set: { ...values, updatedAt: new Date() },
    });
  await audit(ctx, {
    action: "billing.settings",
    entity: "building",
    entityId: buildingId,
    changes: diff(before, { buildingId, ...body }),
  });
  return { buildingId, ...body };
}

/** A management fee per m² outside the province's frame for the building draws a warning (not a refusal). */
function warningsFor(ctx: Ctx, rule: Pick<RuleRow, "kind" | "price">, settings: Settings) {
  if (rule.kind !== "area" || rule.price === null) return [];
  const { feeFrameMin: min, feeFrameMax: max } = settings;
  if ((min !== null && rule.price < min) || (max !== null && rule.price > max)) {
    const n = (v: number | null) => (v === null ? "—" : new Intl.NumberFormat("vi-VN").format(v));
    const params = { price: n(rule.price), min: n(min), max: n(max) };
    return [{ code: "FEE_OUTSIDE_FRAME", message: message(ctx.lang, "FEE_OUTSIDE_FRAME", params) }];
  }
  return [];
}

function toDto(ctx: Ctx, r: RuleRow, settings: Settings): FeeRule {
  return {
    id: r.id,
    buildingId: r.buildingId,
    kind: r.kind as FeeRule["kind"],
    name: r.name,
    unitType: r.unitType as FeeRule["unitType"],
    vehicleType: r.vehicleType as FeeRule["vehicleType"],
    price: r.price,
    priceNext: r.priceNext,
    tariffCode: r.tariffCode,
    surchargePercent: r.surchargePercent === null ? null : Number(r.surchargePercent),
    surchargeName: r.surchargeName,
    vatRate: Number(r.vatRate),
    onBehalf: r.onBehalf,
    validFrom: r.validFrom,
    validTo: r.validTo,
    warnings: warningsFor(ctx, r, settings),
  };
}

async function assertTariff(ctx: Ctx, body: FeeRuleBody) {
  if (!body.tariffCode) return;
  const [row] = await ctx.tx
    .select({ kind: tariffs.kind })
    .from(tariffs)
    .where(eq(tariffs.code, body.tariffCode))
    .limit(1);
  if (!row || row.kind !== body.kind) throw errors.validation({ tariffCode: "TARIFF_UNKNOWN" });
}

const columns = (body: FeeRuleBody) => ({
  kind: body.kind,
  name: body.name,
  unitType: body.unitType ?? null,
  vehicleType: body.kind === "vehicle" ? (body.vehicleType ?? null) : null,
  price: body.price ?? null,
  priceNext: body.kind === "vehicle" ? (body.priceNext ?? null) : null,
  tariffCode: body.tariffCode ?? null,
  surchargePercent: body.surchargePercent == null ? null : String(body.surchargePercent),
  surchargeName: body.surchargeName ?? null,
  vatRate: String(body.vatRate),
  onBehalf: body.onBehalf,
  validFrom: body.validFrom,
  validTo: body.validTo ?? null,
});

export async function listRules(ctx: Ctx, buildingId: string) {
  await billingBuilding(ctx, buildingId, "read");
  const settings = await getSettings(ctx, buildingId);
  const rows = await ctx.tx
    .select()
    .from(feeRules)
    .where(and(eq(feeRules.companyId, ctx.companyId), eq(feeRules.buildingId, buildingId)))
    .orderBy(asc(feeRules.kind), asc(feeRules.name), asc(feeRules.validFrom));
  return { items: rows.map((r) => toDto(ctx, r, settings)) };
}

export async function createRule(ctx: Ctx, body: FeeRuleBody): Promise<FeeRule> {
  await billingBuilding(ctx, body.buildingId, "configure");
  await assertTariff(ctx, body);
  const row = await insertOne(
    ctx.tx
      .insert(feeRules)
      .values({ companyId: ctx.companyId, buildingId: body.buildingId, ...columns(body) })
      .returning(),
  );
  await audit(ctx, {
    action: "fee_rule.create",
    entity: "fee_rule",
    entityId: row.id,
    changes: diff(null, row),
  });
  return toDto(ctx, row, await getSettings(ctx, body.buildingId));
}

async function loadRule(ctx: Ctx, id: string, action: ActionOf<typeof billingPolicy>): Promise<RuleRow> {
  const [row] = await ctx.tx
    .select()
    .from(feeRules)
    .where(and(eq(feeRules.companyId, ctx.companyId), eq(feeRules.id, id)));
  if (!row) throw errors.notFound("fee_rule");
  authorizeVisible(ctx.actor, action, subject(billingPolicy, { buildingId: row.buildingId }));
  return row;
}

/**
 * Changes a rule. Notices already issued keep what they charged; drafts follow at the next run. To change a
 * price from a date, end the old rule (validTo) and add a new one, so both months are billed right.
 */
export async function updateRule(ctx: Ctx, id: string, body: FeeRuleBody): Promise<FeeRule> {
  const before = await loadRule(ctx, id, "configure");
  if (body.buildingId !== before.buildingId) throw errors.validation({ buildingId: "RULE_BUILDING_FIXED" });
  await assertTariff(ctx, body);
  const [after] = await ctx.tx
    .update(feeRules)
    .set({ ...columns(body), updatedAt: new Date() })
    .where(and(eq(feeRules.companyId, ctx.companyId), eq(feeRules.id, id)))
    .returning();
  if (!after) throw errors.notFound("fee_rule");
  await audit(ctx, {
    action: "fee_rule.update",
    entity: "fee_rule",
    entityId: id,
    changes: diff(before, after),
  });
  return toDto(ctx, after, await getSettings(ctx, after.buildingId));
}

export async function deleteRule(ctx: Ctx, id: string): Promise<void> {
  const before = await loadRule(ctx, id, "configure");
  const [used] = await queryRows(
    ctx.tx,
    sql`select 1 as used from invoice_lines l join invoices i on i.company_id = l.company_id and i.id = l.invoice_id
         where l.company_id = ${ctx.companyId} and l.fee_rule_id = ${id} and i.status <> 'draft' limit 1`,
  );
  if (used) throw errors.rule("FEE_RULE_IN_USE");
  await ctx.tx.delete(feeRules).where(and(eq(feeRules.companyId, ctx.companyId), eq(feeRules.id, id)));
  await audit(ctx, {
    action: "fee_rule.delete",
    entity: "fee_rule",
    entityId: id,
    changes: diff(before, null),
  });
}

const accountDto = (a: typeof bankAccounts.$inferSelect): BankAccount => ({
  id: a.id,
  buildingId: a.buildingId,
  bankBin: a.bankBin,
  bankName: bankByBin(a.bankBin)?.shortName ?? null,
  accountNumber: a.accountNumber,
  accountName: a.accountName,
});

export async function listBankAccounts(ctx: Ctx, buildingId: string) {
  await billingBuilding(ctx, buildingId, "read");
  const rows = await ctx.tx
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.companyId, ctx.companyId), eq(bankAccounts.buildingId, buildingId)))
    .orderBy(asc(bankAccounts.createdAt));
  return { items: rows.map(accountDto) };
}

/** Adds the account residents pay into; the newest one is printed on notices. */
export async function addBankAccount(ctx: Ctx, body: z.infer<typeof BankAccountBody>): Promise<BankAccount> {
  await billingBuilding(ctx, body.buildingId, "configure");
  if (!bankByBin(body.bankBin)) throw errors.validation({ bankBin: "BANK_UNKNOWN" });
  // The bank feed routes by account number: one company holds a number at a time (409 when another does).
  await claimBankAccount(ctx, body.accountNumber);
  await ctx.tx
    .update(bankAccounts)
    .set({ isDefault: false })
    .where(and(eq(bankAccounts.companyId, ctx.companyId), eq(bankAccounts.buildingId, body.buildingId)));
  const row = await insertOne(
    ctx.tx
      .insert(bankAccounts)
      .values({ companyId: ctx.companyId, ...body, isDefault: true })
      .returning(),
  );
  await audit(ctx, {
    action: "bank_account.create",
    entity: "bank_account",
    entityId: row.id,
    changes: diff(null, body),
  });
  return accountDto(row);
}

async function unitTotals(ctx: Ctx, buildingId: string, period: string) {
  const lines = chargeLines({
    companyId: ctx.companyId,
    buildingId,
    bounds: periodBounds(period),
    fromUnit: "00000000-0000-0000-0000-000000000000",
    toUnit: "ffffffff-ffff-ffff-ffff-ffffffffffff",
  });
  const rows = await queryRows<{ code: string; total: string; largest: string }>(
    ctx.tx,
    sql`select u.code, sum(l.amount + l.vat)::text as total,
               max(greatest(abs(l.amount), abs(l.vat)))::text as largest
          from (${lines}) l join ${billableUnits} u on u.company_id = ${ctx.companyId} and u.id = l.unit_id
         group by u.code`,
  );
  // A line beyond the range of money is refused here, before the rule is saved and a run fails on it.
  for (const r of rows) {
    if (BigInt(r.largest ?? "0") > BigInt(MAX_LINE_VND)) throw lineTooLarge(ctx, r.code, r.largest);
  }
  return new Map(rows.map((r) => [r.code, exactVnd(r.total, "total")]));
}

/**
 * What a new or changed rule would do to next month's notices, computed by applying it inside a savepoint
 * that is always rolled back: units affected, totals before and after, the largest changes first.
 */
export async function previewRule(ctx: Ctx, rule: FeeRuleBody, replaces?: string) {
  await billingBuilding(ctx, rule.buildingId, "configure");
  await assertTariff(ctx, rule);
  if (replaces) {
    const old = await loadRule(ctx, replaces, "configure");
    if (old.buildingId !== rule.buildingId) throw errors.validation({ buildingId: "RULE_BUILDING_FIXED" });
  }
  // Next month: the notices a rule change would affect first.
  const period = periodFrom(1);
  const before = await unitTotals(ctx, rule.buildingId, period);
  // A plain savepoint: ctx.tx is not always a Drizzle transaction object (on PostgreSQL it is the handle of a
  // connection with a transaction open), so its nested transaction() would not nest.
  await ctx.tx.execute(sql`savepoint rule_preview`);
  let after: Map<string, number>;
  try {
    if (replaces) {
      await ctx.tx
        .update(feeRules)
        .set(columns(rule))
        .where(and(eq(feeRules.companyId, ctx.companyId), eq(feeRules.id, replaces)));
    } else {
      await ctx.tx
        .insert(feeRules)
        .values({ companyId: ctx.companyId, buildingId: rule.buildingId, ...columns(rule) });
    }
    after = await unitTotals(ctx, rule.buildingId, period);
  } finally {
    await ctx.tx.execute(sql`rollback to savepoint rule_preview`);
  }
  nothingToAudit(ctx);
  const codes = new Set([...before.keys(), ...after.keys()]);
  const changes = [...codes]
    .map((unitCode) => ({ unitCode, before: before.get(unitCode) ?? 0, after: after.get(unitCode) ?? 0 }))
    .filter((c) => c.before !== c.after)
    .sort(
      (a, b) =>
        Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.unitCode.localeCompare(b.unitCode),
    );
  const sum = (m: Map<string, number>) => addVnd(m.values(), "total");
  return {
    period,
    units: codes.size,
    changedUnits: changes.length,
    totalBefore: sum(before),
    totalAfter: sum(after),
    sample: changes.slice(0, 20),
    warnings: warningsFor(
      ctx,
      { kind: rule.kind, price: rule.price ?? null },
      await getSettings(ctx, rule.buildingId),
    ),
  };
}
