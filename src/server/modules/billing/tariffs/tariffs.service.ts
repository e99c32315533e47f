import { and, eq, sql } from "drizzle-orm";
import type { Tariff, TariffBody } from "../../../../contracts/billing.js";
import { audit, diff, nothingToAudit } from "../../../platform/audit/audit.service.js";
import { authorize } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { PLATFORM_SCOPE, queryRows } from "../../../platform/db/client.js";
import { insertOne } from "../../../platform/db/insert.js";
import { conflictOn, errors } from "../../../platform/errors.js";
import { periodFrom } from "../../../platform/time.js";
import { periodBounds, tieredLines } from "../runs/charges.sql.js";
import { tariffPolicy } from "./tariffs.policy.js";
import { NATIONAL_TARIFFS, tariffs } from "./tariffs.table.js";

conflictOn("tariffs_version", "validFrom");

type Row = typeof tariffs.$inferSelect;

/** A date as Vietnamese readers expect it in a message: dd/MM/yyyy. */
const day = (iso: string) => iso.split("-").reverse().join("/");

/** The platform scope keeps the national tariffs; a company its own. */
const isNational = (ctx: Ctx) => ctx.companyId === PLATFORM_SCOPE;

/**
 * The tariff versions the caller reads: the national ones and the company's own (row-level security), oldest
 * first per code, each with the day the next version of its code takes over and whether the caller may still
 * change it (its own, and no issued notice charged it).
 */
export async function listTariffs(ctx: Ctx, scope?: Tariff["scope"]): Promise<{ items: Tariff[] }> {
  const rows = await queryRows<{
    id: string;
    company_id: string;
    code: string;
    kind: string;
    name: string;
    basis: string;
    bands: Row["bands"];
    vat_rate: string | null;
    valid_from: string;
    valid_until: string | null;
    billed: boolean;
  }>(
    ctx.tx,
    sql`select t.id, t.company_id, t.code, t.kind, t.name, t.basis, t.bands, t.vat_rate::text,
               t.valid_from::text, t.valid_until::text,
               t.company_id = ${ctx.companyId} and app_tariff_dates_billed(t.code, t.valid_from, t.valid_until)
                 as billed
          from (select t.*, lead(t.valid_from) over (partition by t.company_id, t.code order by t.valid_from)
                         as valid_until
                  from tariffs t) t
         where ${scope === "national" ? sql`t.company_id = ${NATIONAL_TARIFFS}` : scope === "company" ? sql`t.company_id <> ${NATIONAL_TARIFFS}` : sql`true`}
         order by t.company_id = ${NATIONAL_TARIFFS} desc, t.code, t.valid_from`,
  );
  return {
    items: rows.map((t) => ({
      id: t.id,
      code: t.code,
      kind: t.kind as Tariff["kind"],
      name: t.name,
      basis: t.basis as Tariff["basis"],
      bands: t.bands,
      vatRate: t.vat_rate === null ? null : Number(t.vat_rate),
      validFrom: t.valid_from,
      validUntil: t.valid_until,
      scope: t.company_id === NATIONAL_TARIFFS ? "national" : "company",
      locked: t.company_id !== ctx.companyId || t.billed,
    })),
  };
}

/** The first day of the version of `code` after `from` in the caller's scope (null: none, open-ended). */
async function nextVersionFrom(
  ctx: Ctx,
  code: string,
  from: string,
  except?: string,
): Promise<string | null> {
  const [row] = await queryRows<{ next: string | null }>(
    ctx.tx,
    sql`select min(valid_from)::text as next from tariffs
         where company_id = ${ctx.companyId} and code = ${code} and valid_from > ${from}
           ${except ? sql`and id <> ${except}` : sql``}`,
  );
  return row?.next ?? null;
}

/** Whether an issued notice charged `code` on a day of [from, to): such days are history, never re-priced. */
async function datesBilled(ctx: Ctx, code: string, from: string, to: string | null): Promise<boolean> {
  const [row] = await queryRows<{ billed: boolean }>(
    ctx.tx,
    sql`select app_tariff_dates_billed(${code}, ${from}::date, ${to}::date) as billed`,
  );
  return row?.billed === true;
}

/**
 * What a version may be in the caller's scope: a company keeps water tariffs under codes of its own (a national
 * code is the platform admin's), and the versions of one code are all of one kind.
 */
async function checkBody(ctx: Ctx, body: TariffBody) {
  authorize(ctx.actor, "keep", tariffPolicy);
  if (!isNational(ctx)) {
    if (body.kind !== "water") throw errors.rule("TARIFF_NATIONAL_ONLY");
    const [national] = await ctx.tx
      .select({ id: tariffs.id })
      .from(tariffs)
      .where(and(eq(tariffs.companyId, NATIONAL_TARIFFS), eq(tariffs.code, body.code)))
      .limit(1);
    if (national) throw errors.inUse("TARIFF_CODE_NATIONAL", { code: body.code });
  }
  const [sibling] = await ctx.tx
    .select({ kind: tariffs.kind })
    .from(tariffs)
    .where(and(eq(tariffs.companyId, ctx.companyId), eq(tariffs.code, body.code)))
    .limit(1);
  if (sibling && sibling.kind !== body.kind) throw errors.validation({ kind: "TARIFF_KIND_FIXED" });
}

const columns = (body: TariffBody) => ({
  code: body.code,
  kind: body.kind,
  name: body.name,
  basis: body.basis,
  bands: body.bands,
  vatRate: body.vatRate === null ? null : String(body.vatRate),
  validFrom: body.validFrom,
});

async function loadOwn(ctx: Ctx, id: string): Promise<Row> {
  authorize(ctx.actor, "keep", tariffPolicy);
  const [row] = await ctx.tx
    .select()
    .from(tariffs)
    .where(and(eq(tariffs.companyId, ctx.companyId), eq(tariffs.id, id)));
  if (!row) throw errors.notFound("tariff");
  return row;
}

/** Refuses to touch a version an issued notice used: its prices are the history of those notices. */
async function assertUnbilled(ctx: Ctx, row: Row) {
  const until = await nextVersionFrom(ctx, row.code, row.validFrom);
  if (await datesBilled(ctx, row.code, row.validFrom, until)) {
    throw errors.inUse("TARIFF_VERSION_IN_USE", { code: row.code, validFrom: day(row.validFrom) });
  }
}

/**
 * Adds a version of a tariff from its valid-from date (a new code starts a new tariff). Refused when an issued
 * notice already charged the code on a day the new version would re-price (add it from a later day).
 */
export async function createVersion(ctx: Ctx, body: TariffBody): Promise<Tariff> {
  await checkBody(ctx, body);
  const until = await nextVersionFrom(ctx, body.code, body.validFrom);
  if (await datesBilled(ctx, body.code, body.validFrom, until)) {
    throw errors.inUse("TARIFF_DATES_BILLED", { code: body.code, validFrom: day(body.validFrom) });
  }
  const row = await insertOne(
    ctx.tx
      .insert(tariffs)
      .values({ companyId: ctx.companyId, ...columns(body) })
      .returning(),
  );
  await audit(ctx, {
    action: "tariff.create",
    entity: "tariff",
    entityId: row.id,
    changes: diff(null, columns(body)),
  });
  return one(ctx, row.id);
}

/** Corrects a version no issued notice has used (a typo in a price); a used one answers 409. */
export async function updateVersion(ctx: Ctx, id: string, body: TariffBody): Promise<Tariff> {
  const before = await loadOwn(ctx, id);
  if (body.code !== before.code) throw errors.validation({ code: "TARIFF_CODE_FIXED" });
  await checkBody(ctx, body);
  await assertUnbilled(ctx, before);
  const until = await nextVersionFrom(ctx, body.code, body.validFrom, id);
  if (await datesBilled(ctx, body.code, body.validFrom, until)) {
    throw errors.inUse("TARIFF_DATES_BILLED", { code: body.code, validFrom: day(body.validFrom) });
  }
  await ctx.tx
    .update(tariffs)
    .set(columns(body))
    .where(and(eq(tariffs.companyId, ctx.companyId), eq(tariffs.id, id)));
  const { companyId: _c, id: _i, createdAt: _a, ...old } = before;
  await audit(ctx, {
    action: "tariff.update",
    entity: "tariff",
    entityId: id,
    changes: diff({ ...old, vatRate: old.vatRate }, columns(body)),
  });
  return one(ctx, id);
}

/** Removes a version no issued notice has used; the previous version then runs on. */
export async function deleteVersion(ctx: Ctx, id: string): Promise<void> {
  const before = await loadOwn(ctx, id);
  await assertUnbilled(ctx, before);
  await ctx.tx.delete(tariffs).where(and(eq(tariffs.companyId, ctx.companyId), eq(tariffs.id, id)));
  const { companyId: _c, id: _i, createdAt: _a, ...old } = before;
  await audit(ctx, { action: "tariff.delete", entity: "tariff", entityId: id, changes: diff(old, null) });
}

async function one(ctx: Ctx, id: string): Promise<Tariff> {
  const found = (await listTariffs(ctx)).items.find((t) => t.id === id);
  if (!found) throw errors.notFound("tariff");
  return found;
}

/** Typical monthly consumptions a preview prices (kWh; m³ with the household's persons for water). */
const SAMPLES: Record<Tariff["kind"], { consumption: number; persons: number }[]> = {
  electricity: [50, 100, 200, 300, 400, 500].map((consumption) => ({ consumption, persons: 1 })),
  water: [10, 20, 30, 50].map((consumption) => ({ consumption, persons: 4 })),
};

/** The charges of the samples for a month under the versions in force, through the billing run's own SQL. */
async function sampleCharges(ctx: Ctx, code: string, kind: Tariff["kind"], period: string) {
  const bounds = periodBounds(period);
  const samples = SAMPLES[kind];
  const values = sql.join(
    samples.map((s, i) => sql`(${i + 1}::int, ${s.consumption}::bigint, ${s.persons}::int)`),
    sql`, `,
  );
  const rows = await queryRows<{ n: number; amount: string; vat: string }>(
    ctx.tx,
    sql`with p as (select ${bounds.start}::date as d0, ${bounds.end}::date as d1, ${bounds.days}::int as pd),
metered_in as (
  select ('00000000-0000-0000-0000-' || lpad(s.n::text, 12, '0'))::uuid as unit_id, s.consumption, s.persons,
         null::uuid as rule_id, ${kind}::text as kind, ''::text as name, 0::numeric as vat_rate, false as on_behalf,
         ${code}::text as tariff_code, p.d0 as m_from, p.d1 as m_to
    from (values ${values}) as s(n, consumption, persons), p
),
${tieredLines(ctx.companyId)}
select right(unit_id::text, 12)::int as n, coalesce(sum(qty * price), 0)::text as amount,
       coalesce(sum(round(qty * price * vat_rate / 100)), 0)::text as vat
  from band_qty where qty > 0 group by unit_id`,
  );
  return samples.map((s, i) => {
    const row = rows.find((r) => Number(r.n) === i + 1);
    const amount = Number(row?.amount ?? 0);
    const vat = Number(row?.vat ?? 0);
    return { ...s, charge: { amount, vat, total: amount + vat } };
  });
}

/**
 * What adding (or correcting, with `replaces`) a version does to the first month it applies to — next month,
 * or the month of its valid-from date when that is later: typical consumptions priced before and after by the
 * billing run's SQL, with the version written inside a savepoint that is always rolled back. VAT is the
 * version's own (the fee rule's otherwise, which the preview does not know: 0).
 */
export async function previewVersion(ctx: Ctx, body: TariffBody, replaces?: string) {
  await checkBody(ctx, body);
  if (replaces) await loadOwn(ctx, replaces);
  // Periods are YYYY-MM strings, which sort as they fall.
  const period = [periodFrom(1), body.validFrom.slice(0, 7)].sort()[1] as string;
  const before = await sampleCharges(ctx, body.code, body.kind, period);
  await ctx.tx.execute(sql`savepoint tariff_preview`);
  let after: Awaited<ReturnType<typeof sampleCharges>>;
  try {
    if (replaces) {
      await ctx.tx
        .update(tariffs)
        .set(columns(body))
        .where(and(eq(tariffs.companyId, ctx.companyId), eq(tariffs.id, replaces)));
    } else {
      await ctx.tx
        .delete(tariffs)
        .where(
          and(
            eq(tariffs.companyId, ctx.companyId),
            eq(tariffs.code, body.code),
            eq(tariffs.validFrom, body.validFrom),
          ),
        );
      await ctx.tx.insert(tariffs).values({ companyId: ctx.companyId, ...columns(body) });
    }
    after = await sampleCharges(ctx, body.code, body.kind, period);
  } finally {
    await ctx.tx.execute(sql`rollback to savepoint tariff_preview`);
  }
  nothingToAudit(ctx);
  return {
    period,
    rows: before.map((b, i) => ({
      consumption: b.consumption,
      persons: b.persons,
      before: b.charge,
      after: after[i]?.charge ?? b.charge,
    })),
  };
}
