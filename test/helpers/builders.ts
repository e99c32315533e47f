import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { createAccount } from "../../src/server/modules/accounts/accounts.service.js";
import { invoiceLines, invoices } from "../../src/server/modules/billing/invoices/invoices.table.js";
import { paymentAllocations, payments } from "../../src/server/modules/billing/payments/payments.table.js";
import { meterReadings } from "../../src/server/modules/billing/readings/readings.table.js";
import { feeRules } from "../../src/server/modules/billing/rules/rules.table.js";
import { tariffs } from "../../src/server/modules/billing/tariffs/tariffs.table.js";
import { buildings } from "../../src/server/modules/buildings/buildings.table.js";
import { companies } from "../../src/server/modules/companies/companies.table.js";
import { units } from "../../src/server/modules/registry/units/units.table.js";
import { memberships } from "../../src/server/modules/staff/memberships.table.js";
import { PLATFORM_SCOPE } from "../../src/server/platform/db/client.js";
import type { TestEnv } from "./app.js";
import { Client } from "./client.js";

export const PASSWORD = "Secret-2026";
const uid = () => randomBytes(4).toString("hex");

export type Person = { accountId: string; email: string; password: string; membershipId?: string };

/** An account (platform data) with an email login. */
export async function newAccount(
  env: TestEnv,
  opts: { platformAdmin?: boolean; name?: string; phone?: string } = {},
) {
  const email = `p-${uid()}@example.vn`;
  const row = await env.db.transaction(PLATFORM_SCOPE, (tx) =>
    createAccount(tx, env.app.platform, {
      displayName: opts.name ?? `Người dùng ${email.slice(2, 6)}`,
      contact: opts.phone ? { kind: "phone", value: opts.phone } : { kind: "email", value: email },
      password: PASSWORD,
      platformRole: opts.platformAdmin ? "platform_admin" : null,
    }),
  );
  return { accountId: row.id, email: opts.phone ?? email, password: PASSWORD };
}

export async function newCompany(env: TestEnv, name = `Công ty ${uid()}`) {
  const [row] = await env.db.transaction(PLATFORM_SCOPE, (tx) =>
    tx.insert(companies).values({ name }).returning(),
  );
  if (!row) throw new Error("company");
  return { companyId: row.id, name };
}

export async function newBuilding(env: TestEnv, companyId?: string, name = `Tòa ${uid()}`) {
  const company = companyId ?? (await newCompany(env)).companyId;
  const [row] = await env.db.transaction(company, (tx) =>
    tx
      .insert(buildings)
      .values({
        companyId: company,
        name,
        address: "1 Lê Lợi, Quận 1, TP. Hồ Chí Minh",
        blocks: [{ name: "A", floors: 10 }],
      })
      .returning(),
  );
  if (!row) throw new Error("building");
  return { companyId: company, buildingId: row.id };
}

export async function newUnit(
  env: TestEnv,
  opts: { companyId?: string; buildingId?: string; code?: string; block?: string; floor?: number } = {},
) {
  const parent =
    opts.buildingId && opts.companyId
      ? { companyId: opts.companyId, buildingId: opts.buildingId }
      : await newBuilding(env, opts.companyId);
  const [row] = await env.db.transaction(parent.companyId, (tx) =>
    tx
      .insert(units)
      .values({
        ...parent,
        code: opts.code ?? `A-0${uid().slice(0, 1)}.${uid().slice(0, 2)}`,
        block: opts.block ?? "A",
        floor: opts.floor ?? 1,
        areaM2: "70.50",
      })
      .returning(),
  );
  if (!row) throw new Error("unit");
  return { ...parent, unitId: row.id };
}

/** A person holding `role` in the company (the company is created when not given). */
export async function newMember(
  env: TestEnv,
  role: string,
  opts: {
    companyId?: string;
    buildingIds?: string[];
    unitIds?: string[];
    name?: string;
    phone?: string;
  } = {},
): Promise<Person & { companyId: string; membershipId: string }> {
  const companyId = opts.companyId ?? (await newCompany(env)).companyId;
  const person = await newAccount(env, { name: opts.name, phone: opts.phone });
  const [m] = await env.db.transaction(companyId, (tx) =>
    tx
      .insert(memberships)
      .values({
        companyId,
        accountId: person.accountId,
        role,
        buildingIds: opts.buildingIds ?? [],
        unitIds: opts.unitIds ?? [],
      })
      .returning(),
  );
  if (!m) throw new Error("membership");
  return { ...person, companyId, membershipId: m.id };
}

/** Signs in through the real flow: password, then the code mailed to the person's address. */
export async function signIn(
  env: TestEnv,
  person: { email: string; password: string },
  client = new Client(env.app),
) {
  const first = await client.post("/api/v1/auth/sign-in", {
    identifier: person.email,
    password: person.password,
  });
  if (first.status !== 200) throw new Error(`sign-in ${first.status} ${JSON.stringify(first.body)}`);
  if (first.body.status === "signed_in") return client;
  const code = person.email.includes("@")
    ? await env.smtp.codeFor(person.email)
    : env.sms.codeFor(person.email);
  const second = await client.post("/api/v1/auth/otp/verify", { code, rememberDevice: false });
  if (second.status !== 200) throw new Error(`otp ${second.status} ${JSON.stringify(second.body)}`);
  return client;
}

/**
 * A tariff version of a company (its water utility), or a national one with `companyId` = PLATFORM_SCOPE.
 * The code defaults to a fresh one, so a test's versions never meet another test's.
 */
export async function newTariffVersion(
  env: TestEnv,
  companyId: string,
  opts: {
    code?: string;
    kind?: "electricity" | "water";
    basis?: "household" | "person";
    bands: { upTo: number | null; price: number }[];
    validFrom: string;
    vatRate?: number | null;
  },
) {
  const code = opts.code ?? `t-${uid()}`;
  const [row] = await env.db.transaction(companyId, (tx) =>
    tx
      .insert(tariffs)
      .values({
        companyId,
        code,
        kind: opts.kind ?? "electricity",
        name: `Biểu giá ${code}`,
        basis: opts.basis ?? "household",
        bands: opts.bands,
        vatRate: opts.vatRate == null ? null : String(opts.vatRate),
        validFrom: opts.validFrom,
      })
      .returning(),
  );
  if (!row) throw new Error("tariff");
  return { tariffId: row.id, code };
}

/**
 * A unit with a metered fee rule on a tariff and a reading for a period, creating the building when none is
 * given. Returns the ids the billing SQL needs.
 */
export async function newMeteredUnit(
  env: TestEnv,
  opts: {
    companyId: string;
    buildingId?: string;
    tariffCode: string;
    kind?: "electricity" | "water";
    period: string;
    consumption: number;
    handoverDate?: string | null;
    ruleFrom?: string;
    ruleTo?: string | null;
    vatRate?: number;
  },
) {
  const kind = opts.kind ?? "electricity";
  const unit = await newUnit(env, { companyId: opts.companyId, buildingId: opts.buildingId });
  let feeRuleId = null as string | null;
  await env.db.transaction(unit.companyId, async (tx) => {
    await tx
      .update(units)
      .set({ handoverDate: opts.handoverDate ?? null })
      .where(and(eq(units.companyId, unit.companyId), eq(units.id, unit.unitId)));
    if (!opts.buildingId) {
      const [rule] = await tx
        .insert(feeRules)
        .values({
          companyId: unit.companyId,
          buildingId: unit.buildingId,
          kind,
          name: kind === "electricity" ? "Tiền điện" : "Tiền nước",
          tariffCode: opts.tariffCode,
          vatRate: String(opts.vatRate ?? 8),
          onBehalf: true,
          validFrom: opts.ruleFrom ?? "2020-01-01",
          validTo: opts.ruleTo ?? null,
        })
        .returning({ id: feeRules.id });
      feeRuleId = rule?.id ?? null;
    }
    await tx.insert(meterReadings).values({
      companyId: unit.companyId,
      buildingId: unit.buildingId,
      unitId: unit.unitId,
      kind,
      period: opts.period,
      previous: 1_000,
      reading: 1_000 + opts.consumption,
      readOn: `${opts.period}-28`,
    });
  });
  return { ...unit, feeRuleId };
}

/**
 * An issued fee notice of a unit for a period with one metered line of a fee rule: what makes a tariff's
 * days history (the billing run is tested on its own; here only the notice's existence matters).
 */
export async function newIssuedNotice(
  env: TestEnv,
  opts: {
    companyId: string;
    buildingId: string;
    unitId: string;
    period: string;
    feeRuleId: string;
    kind: string;
  },
) {
  const [invoice] = await env.db.transaction(opts.companyId, async (tx) => {
    const rows = await tx
      .insert(invoices)
      .values({
        companyId: opts.companyId,
        buildingId: opts.buildingId,
        unitId: opts.unitId,
        period: opts.period,
        status: "issued",
        areaM2: "70.50",
        subtotal: 10_000,
        total: 10_000,
        number: `TB-${uid()}`,
        issuedAt: new Date(),
      })
      .returning();
    const row = rows[0];
    if (!row) throw new Error("invoice");
    await tx.insert(invoiceLines).values({
      companyId: opts.companyId,
      invoiceId: row.id,
      lineNo: 1,
      kind: opts.kind,
      feeRuleId: opts.feeRuleId,
      description: "bậc 1",
      quantity: "1",
      unitLabel: "m³",
      unitPrice: 10_000,
      days: 30,
      periodDays: 30,
      amount: 10_000,
      vatRate: "0",
      vat: 0,
    });
    return rows;
  });
  if (!invoice) throw new Error("invoice");
  return { invoiceId: invoice.id };
}

type InCompany = { companyId?: string; buildingId?: string };

/** The building given, or a new one (in the company given, or a new company). */
async function buildingFor(env: TestEnv, opts: InCompany) {
  return opts.buildingId && opts.companyId
    ? { companyId: opts.companyId, buildingId: opts.buildingId }
    : newBuilding(env, opts.companyId);
}

/**
 * A fee rule of a building (created with its company when not given): by default the management fee per m² of
 * apartments, 10,000 VND, no VAT, valid from 2025-01-01.
 */
export async function buildFeeRule(
  env: TestEnv,
  opts: InCompany & Partial<typeof feeRules.$inferInsert> = {},
) {
  const parent = await buildingFor(env, opts);
  const [row] = await env.db.transaction(parent.companyId, (tx) =>
    tx
      .insert(feeRules)
      .values({
        kind: "area",
        name: `Phí quản lý ${uid()}`,
        unitType: "apartment",
        price: 10_000,
        vatRate: "0",
        validFrom: "2025-01-01",
        ...opts,
        ...parent,
      })
      .returning(),
  );
  if (!row) throw new Error("fee rule");
  return { ...parent, feeRuleId: row.id, rule: row };
}

/**
 * A fee notice of a unit (created with its building and company when not given), with one line of `amount`
 * (100,000 VND by default, no VAT); issued with a number unless `status: "draft"`.
 */
export async function buildInvoice(
  env: TestEnv,
  opts: InCompany & { unitId?: string; period?: string; amount?: number; status?: "draft" | "issued" } = {},
) {
  const unit =
    opts.unitId && opts.companyId && opts.buildingId
      ? (opts as Required<InCompany> & { unitId: string })
      : await newUnit(env, opts);
  const amount = opts.amount ?? 100_000;
  const status = opts.status ?? "issued";
  const invoice = await env.db.transaction(unit.companyId, async (tx) => {
    const [row] = await tx
      .insert(invoices)
      .values({
        companyId: unit.companyId,
        buildingId: unit.buildingId,
        unitId: unit.unitId,
        period: opts.period ?? "2026-01",
        status,
        number: status === "draft" ? null : `2026/${uid()}`,
        areaM2: "70.50",
        billTo: "Nguyễn Văn An",
        subtotal: amount,
        total: amount,
        dueOn: "2026-02-15",
        issuedAt: status === "draft" ? null : new Date(),
      })
      .returning();
    if (!row) throw new Error("invoice");
    await tx.insert(invoiceLines).values({
      companyId: unit.companyId,
      invoiceId: row.id,
      lineNo: 1,
      kind: "fixed",
      description: "Phí dịch vụ",
      quantity: "1",
      unitLabel: "căn",
      unitPrice: amount,
      days: 31,
      periodDays: 31,
      amount,
      vatRate: "0",
      vat: 0,
    });
    return row;
  });
  return {
    companyId: unit.companyId,
    buildingId: unit.buildingId,
    unitId: unit.unitId,
    invoiceId: invoice.id,
    invoice,
  };
}

/** A cash payment of a notice (created with its parents when not given), allocated to it in full by default. */
export async function buildPayment(
  env: TestEnv,
  opts: InCompany & { unitId?: string; invoiceId?: string; amount?: number } = {},
) {
  const inv =
    opts.invoiceId && opts.unitId && opts.companyId && opts.buildingId
      ? {
          companyId: opts.companyId,
          buildingId: opts.buildingId,
          unitId: opts.unitId,
          invoiceId: opts.invoiceId,
        }
      : await buildInvoice(env, opts);
  const amount = opts.amount ?? 100_000;
  const payment = await env.db.transaction(inv.companyId, async (tx) => {
    const [row] = await tx
      .insert(payments)
      .values({
        companyId: inv.companyId,
        buildingId: inv.buildingId,
        unitId: inv.unitId,
        method: "cash",
        amount,
        reference: `cash-${uid()}`,
      })
      .returning();
    if (!row) throw new Error("payment");
    await tx
      .insert(paymentAllocations)
      .values({ companyId: inv.companyId, paymentId: row.id, invoiceId: inv.invoiceId, amount });
    await tx.execute(sql`update invoices set paid = paid + ${amount},
      status = case when paid + ${amount} >= total then 'paid' else 'partially_paid' end
      where company_id = ${inv.companyId} and id = ${inv.invoiceId}`);
    return row;
  });
  return { ...inv, paymentId: payment.id, payment };
}
