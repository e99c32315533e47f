import { and, asc, eq, sql } from "drizzle-orm";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx, TaskRun } from "../../../platform/context.js";
import { queryRows } from "../../../platform/db/client.js";
import { insertOne } from "../../../platform/db/insert.js";
import { errors } from "../../../platform/errors.js";
import { defineTask } from "../../../platform/jobs/tasks.js";
import { loadBuilding } from "../../buildings/index.js";
import { billableUnits, unitOwners } from "../../registry/index.js";
import { billingPolicy } from "../billing.policy.js";
import { addVnd, lineTooLarge, MAX_LINE_VND } from "../core/sums.js";
import { chargeLines, type PeriodBounds, periodBounds } from "./charges.sql.js";
import { billingRuns } from "./runs.table.js";

/** Units per transaction: a killed run loses at most one chunk, which the re-run redoes. */
export const RUN_CHUNK = 5000;

export type RunInput = { buildingId: string; period: string };
export type RunProgress = { done: number; total: number };
type ChunkCounts = { created: number; redrafted: number; changedAfterIssue: number };

export type BillingRunRow = typeof billingRuns.$inferSelect;

function boundsOrFail(period: string): PeriodBounds {
  try {
    return periodBounds(period);
  } catch {
    throw errors.validation({ period: "PERIOD_FORMAT" });
  }
}

/** The run's row (created on the first run of the period, reset to running on a re-run). */
async function openRun(ctx: Ctx, input: RunInput): Promise<BillingRunRow> {
  const building = await loadBuilding(ctx, input.buildingId);
  authorizeVisible(ctx.actor, "run", subject(billingPolicy, { buildingId: building.id }));
  const row = await insertOne(
    ctx.tx
      .insert(billingRuns)
      .values({
        companyId: ctx.companyId,
        buildingId: building.id,
        period: input.period,
        units: building.unitCount,
        startedBy: ctx.actor.accountId,
      })
      .onConflictDoUpdate({
        target: [billingRuns.companyId, billingRuns.buildingId, billingRuns.period],
        set: {
          status: "running",
          units: building.unitCount,
          done: 0,
          created: 0,
          redrafted: 0,
          changedAfterIssue: 0,
          startedBy: ctx.actor.accountId,
          startedAt: new Date(),
          finishedAt: null,
        },
      })
      .returning(),
  );
  return row;
}

/** The building's units cut into id ranges of RUN_CHUNK. */
async function chunks(ctx: Ctx, buildingId: string, size: number): Promise<[string, string][]> {
  const ids = await ctx.tx
    .select({ id: billableUnits.id })
    .from(billableUnits)
    .where(and(eq(billableUnits.companyId, ctx.companyId), eq(billableUnits.buildingId, buildingId)))
    .orderBy(asc(billableUnits.id));
  const ranges: [string, string][] = [];
  for (let i = 0; i < ids.length; i += size) {
    const last = ids[Math.min(i + size, ids.length) - 1];
    const first = ids[i];
    if (first && last) ranges.push([first.id, last.id]);
  }
  return ranges;
}

const LINE_FIELDS = [
  "line_no",
  "kind",
  "fee_rule_id",
  "description",
  "quantity",
  "unit_label",
  "unit_price",
  "days",
  "period_days",
  "amount",
  "vat_rate",
  "vat",
  "on_behalf",
];
const LINE_COLUMNS = sql.raw(LINE_FIELDS.join(", "));
const FRESH_LINE = sql.raw(LINE_FIELDS.map((f) => `rl.${f}`).join(", "));
const lineDigest = (alias: string) =>
  sql.raw(
    `md5(string_agg(concat_ws('|', ${LINE_FIELDS.map((f) => `${alias}.${f}`).join(", ")}), E'\\n' order by ${alias}.line_no))`,
  );

/**
 * Bills one chunk of units in the caller's transaction: computes every line into a temporary table, creates
 * the notices missing for the period with their lines, recomputes drafts whose lines changed (after a
 * corrected reading or rule), and drafts adjustment notices for issued ones that would now differ.
 */
async function billChunk(
  ctx: Ctx,
  run: BillingRunRow,
  bounds: PeriodBounds,
  range: [string, string],
  size: number,
) {
  const scope = {
    companyId: ctx.companyId,
    buildingId: run.buildingId,
    bounds,
    fromUnit: range[0],
    toUnit: range[1],
  };
  await ctx.tx.execute(sql`create temp table run_lines on commit drop as ${chargeLines(scope)}`);
  // A line beyond the range of money (a price × an area) fails the run with a clear reason, before any notice
  // carries a figure that sums of many could not hold exactly.
  const [tooLarge] = await queryRows<{ code: string; largest: string }>(
    ctx.tx,
    sql`select u.code, greatest(abs(rl.amount), abs(rl.vat))::text as largest
          from run_lines rl join ${billableUnits} u on u.company_id = ${ctx.companyId} and u.id = rl.unit_id
         where abs(rl.amount) > ${MAX_LINE_VND} or abs(rl.vat) > ${MAX_LINE_VND}
         limit 1`,
  );
  if (tooLarge) throw lineTooLarge(ctx, tooLarge.code, tooLarge.largest);
  const [created] = await queryRows<{ n: number }>(
    ctx.tx,
    sql`with heads as (
          select unit_id, sum(amount)::bigint as subtotal, sum(vat)::bigint as vat from run_lines group by unit_id
        ),
        ins as (
          insert into invoices (company_id, building_id, unit_id, period, area_m2, bill_to, subtotal, vat_total, total, run_id)
          select ${ctx.companyId}, ${run.buildingId}, h.unit_id, ${bounds.period}, u.area_m2, o.names,
                 h.subtotal, h.vat, h.subtotal + h.vat, ${run.id}
            from heads h
            join ${billableUnits} u on u.company_id = ${ctx.companyId} and u.id = h.unit_id
            left join lateral (
              select string_agg(o.full_name, ', ' order by o.full_name) as names
                from ${unitOwners} o
               where o.company_id = ${ctx.companyId} and o.unit_id = h.unit_id
            ) o on true
          on conflict (company_id, unit_id, period) where kind = 'monthly' do nothing
          returning id, unit_id
        ),
        lines as (
          insert into invoice_lines (company_id, invoice_id, ${LINE_COLUMNS})
          select ${ctx.companyId}, ins.id, ${FRESH_LINE} from run_lines rl join ins on ins.unit_id = rl.unit_id
          returning 1
        )
        select (select count(*)::int from ins) as n, (select count(*) from lines) as lines`,
  );
  // Notices created above carry created_at = now() (the transaction's start): only older ones are compared.
  const changed = await queryRows<{ id: string; status: string }>(
    ctx.tx,
    sql`with fresh as (select rl.unit_id, ${lineDigest("rl")} as digest from run_lines rl group by rl.unit_id),
        cur as (
          select i.id, i.unit_id, i.status, ${lineDigest("l")} as digest
            from invoices i
            left join invoice_lines l on l.company_id = i.company_id and l.invoice_id = i.id
           where i.company_id = ${ctx.companyId} and i.building_id = ${run.buildingId} and i.kind = 'monthly'
             and i.period = ${bounds.period} and i.unit_id between ${range[0]} and ${range[1]}
             and i.created_at < now() and i.status <> 'void'
           group by i.id, i.unit_id, i.status
        )
        select cur.id, cur.status from cur join fresh on fresh.unit_id = cur.unit_id
         where cur.digest is distinct from fresh.digest`,
  );
  const drafts = changed.filter((c) => c.status === "draft").map((c) => c.id);
  if (drafts.length > 0) await redraft(ctx, drafts);
  const issued = changed.filter((c) => c.status !== "draft").map((c) => c.id);
  const adjusted = issued.length > 0 ? await adjust(ctx, run, bounds, issued) : 0;
  const counts: ChunkCounts = {
    created: created?.n ?? 0,
    redrafted: drafts.length,
    changedAfterIssue: adjusted,
  };
  await ctx.tx
    .update(billingRuns)
    .set({
      done: sql`least(${billingRuns.done} + ${size}, ${billingRuns.units})`,
      created: sql`${billingRuns.created} + ${counts.created}`,
      redrafted: sql`${billingRuns.redrafted} + ${counts.redrafted}`,
      changedAfterIssue: sql`${billingRuns.changedAfterIssue} + ${counts.changedAfterIssue}`,
    })
    .where(and(eq(billingRuns.companyId, ctx.companyId), eq(billingRuns.id, run.id)));
  return counts;
}

/**
 * Issued notices are never edited: when one would now come out differently (a corrected reading, a rule changed
 * after issue), a draft adjustment notice carries the difference, line by line (a fee's amount and VAT now minus
 * what the notice and its issued adjustments charged), to be reviewed and issued like any other; a negative one
 * is a credit note. A draft adjustment is recomputed on each run. Returns how many notices needed one.
 */
async function adjust(ctx: Ctx, run: BillingRunRow, bounds: PeriodBounds, originals: string[]) {
  const c = ctx.companyId;
  await ctx.tx.execute(sql`
    create temp table run_adjustments on commit drop as
    with orig as (
      select i.id, i.unit_id from invoices i where i.company_id = ${c} and i.id in ${originals}
    ),
    charged as (
      select o.id as original, l.kind, l.fee_rule_id, l.description, l.vat_rate, l.on_behalf,
             sum(l.amount) as amount, sum(l.vat) as vat
        from orig o
        join invoices i on i.company_id = ${c}
                       and (i.id = o.id or (i.adjusts = o.id and i.status not in ('void', 'draft')))
        join invoice_lines l on l.company_id = i.company_id and l.invoice_id = i.id
       group by o.id, l.kind, l.fee_rule_id, l.description, l.vat_rate, l.on_behalf
    ),
    fresh as (
      select o.id as original, rl.kind, rl.fee_rule_id, rl.description, rl.vat_rate, rl.on_behalf,
             sum(rl.amount) as amount, sum(rl.vat) as vat
        from orig o join run_lines rl on rl.unit_id = o.unit_id
       group by o.id, rl.kind, rl.fee_rule_id, rl.description, rl.vat_rate, rl.on_behalf
    )
    select coalesce(f.original, ch.original) as original, coalesce(f.kind, ch.kind) as kind,
           coalesce(f.fee_rule_id, ch.fee_rule_id) as fee_rule_id, coalesce(f.description, ch.description) as description,
           coalesce(f.vat_rate, ch.vat_rate) as vat_rate, coalesce(f.on_behalf, ch.on_behalf) as on_behalf,
           (coalesce(f.amount, 0) - coalesce(ch.amount, 0))::bigint as amount,
           (coalesce(f.vat, 0) - coalesce(ch.vat, 0))::bigint as vat
      from fresh f
      full join charged ch on ch.original = f.original and ch.kind = f.kind
                          and ch.fee_rule_id is not distinct from f.fee_rule_id and ch.description = f.description
                          and ch.vat_rate = f.vat_rate and ch.on_behalf = f.on_behalf
     where coalesce(f.amount, 0) <> coalesce(ch.amount, 0) or coalesce(f.vat, 0) <> coalesce(ch.vat, 0)`);
  // A draft adjustment that already says exactly this stays as it is; others are replaced (or dropped).
  const stale = await queryRows<{ original: string }>(
    ctx.tx,
    sql`with drafted as (
          select d.adjusts as original, l.kind, l.fee_rule_id, l.description, l.vat_rate, l.on_behalf, l.amount, l.vat
            from invoices d join invoice_lines l on l.company_id = d.company_id and l.invoice_id = d.id
           where d.company_id = ${c} and d.kind = 'adjustment' and d.status = 'draft' and d.adjusts in ${originals}
        ),
        wanted as (
          select original, kind, fee_rule_id, description, vat_rate, on_behalf, amount, vat from run_adjustments
        )
        select distinct original from ((select * from wanted except select * from drafted)
                                       union all (select * from drafted except select * from wanted)) x`,
  );
  const replace = stale.map((r) => r.original);
  if (replace.length === 0) {
    await ctx.tx.execute(sql`drop table run_adjustments`);
    return 0;
  }
  await ctx.tx.execute(
    sql`delete from invoice_lines where company_id = ${c} and invoice_id in (
          select id from invoices where company_id = ${c} and kind = 'adjustment' and status = 'draft' and adjusts in ${replace})`,
  );
  await ctx.tx.execute(
    sql`delete from invoices where company_id = ${c} and kind = 'adjustment' and status = 'draft' and adjusts in ${replace}`,
  );
  const [made] = await queryRows<{ n: number }>(
    ctx.tx,
    sql`with heads as (
          select original, sum(amount)::bigint as subtotal, sum(vat)::bigint as vat from run_adjustments
           where original in ${replace} group by original
        ),
        ins as (
          insert into invoices (company_id, building_id, unit_id, period, kind, adjusts, area_m2, bill_to, subtotal,
                                vat_total, total, run_id)
          select ${c}, i.building_id, i.unit_id, i.period, 'adjustment', i.id, i.area_m2, i.bill_to, h.subtotal, h.vat,
                 h.subtotal + h.vat, ${run.id}
            from heads h join invoices i on i.company_id = ${c} and i.id = h.original
          returning id, adjusts
        ),
        lines as (
          insert into invoice_lines (company_id, invoice_id, ${LINE_COLUMNS})
          select ${c}, ins.id,
                 row_number() over (partition by ins.id order by a.kind, a.description)::int, a.kind, a.fee_rule_id,
                 a.description, 1, 'lần', a.amount, ${bounds.days}, ${bounds.days}, a.amount, a.vat_rate, a.vat, a.on_behalf
            from run_adjustments a join ins on ins.adjusts = a.original
          returning 1
        )
        select (select count(*)::int from ins) as n, (select count(*) from lines) as lines`,
  );
  await ctx.tx.execute(sql`drop table run_adjustments`);
  return made?.n ?? 0;
}

/** Replaces a draft's lines and totals with the ones computed now. */
async function redraft(ctx: Ctx, ids: string[]) {
  await ctx.tx.execute(
    sql`delete from invoice_lines where company_id = ${ctx.companyId} and invoice_id in ${ids}`,
  );
  await ctx.tx.execute(
    sql`insert into invoice_lines (company_id, invoice_id, ${LINE_COLUMNS})
        select ${ctx.companyId}, i.id, ${FRESH_LINE}
          from run_lines rl join invoices i on i.company_id = ${ctx.companyId} and i.unit_id = rl.unit_id
         where i.id in ${ids}`,
  );
  await ctx.tx.execute(
    sql`update invoices i set subtotal = t.subtotal, vat_total = t.vat, total = t.subtotal + t.vat
          from (select l.invoice_id, sum(l.amount)::bigint as subtotal, sum(l.vat)::bigint as vat
                  from invoice_lines l where l.company_id = ${ctx.companyId} and l.invoice_id in ${ids}
                 group by l.invoice_id) t
         where i.company_id = ${ctx.companyId} and i.id = t.invoice_id`,
  );
}

/** Closes the run: its totals, and one audit entry for the whole run (counts and a digest of the notices). */
async function closeRun(ctx: Ctx, run: BillingRunRow) {
  const notices = await queryRows<{ id: string; total: string }>(
    ctx.tx,
    sql`select id, total from invoices
         where company_id = ${ctx.companyId} and building_id = ${run.buildingId} and period = ${run.period}
           and kind = 'monthly' and status <> 'void'`,
  );
  const total = addVnd(
    notices.map((n) => n.total),
    "total",
  );
  const [done] = await ctx.tx
    .update(billingRuns)
    .set({ status: "done", done: run.units, invoices: notices.length, total, finishedAt: new Date() })
    .where(and(eq(billingRuns.companyId, ctx.companyId), eq(billingRuns.id, run.id)))
    .returning();
  if (!done) throw errors.notFound("billing_run");
  await audit(ctx, {
    action: "billing.run",
    entity: "billing_run",
    entityId: run.id,
    changes: bulkChanges(
      notices.map((n) => n.id),
      {
        created: done.created,
        redrafted: done.redrafted,
        changedAfterIssue: done.changedAfterIssue,
        total,
      },
    ),
  });
  return done;
}

/**
 * Bills a building for a month, chunk by chunk, each chunk in its own transaction: one notice per unit
 * with lines for its area, vehicles, fixed fees and metered consumption as of that period. Running it again
 * creates only what is missing and recomputes drafts; a run killed midway and run again leaves exactly one
 * notice per unit.
 */
export async function executeRun(
  run: TaskRun,
  input: RunInput,
  onProgress?: (p: RunProgress) => void,
  chunkSize = RUN_CHUNK,
) {
  const bounds = boundsOrFail(input.period);
  const { row, ranges } = await run(async (ctx) => {
    const row = await openRun(ctx, input);
    return { row, ranges: await chunks(ctx, row.buildingId, chunkSize) };
  });
  let done = 0;
  try {
    for (const range of ranges) {
      await run((ctx) => billChunk(ctx, row, bounds, range, chunkSize));
      done = Math.min(done + chunkSize, row.units);
      onProgress?.({ done, total: row.units });
    }
  } catch (err) {
    // The console shows the run as failed; running it again picks up from what committed.
    await run((ctx) => markRunFailed(ctx, { buildingId: row.buildingId, period: row.period })).catch(
      () => {},
    );
    throw err;
  }
  return run((ctx) => closeRun(ctx, row));
}

/** Ends a building's month's run as failed (the console offers to run it again). */
function markRunFailed(ctx: Ctx, input: RunInput) {
  return ctx.tx
    .update(billingRuns)
    .set({ status: "failed", finishedAt: new Date() })
    .where(
      and(
        eq(billingRuns.companyId, ctx.companyId),
        eq(billingRuns.buildingId, input.buildingId),
        eq(billingRuns.period, input.period),
        eq(billingRuns.status, "running"),
      ),
    );
}

export const billingRunTask = defineTask<RunInput>("billing.run", (run, input) => executeRun(run, input), {
  // The run's row was opened when it was queued; a refused run must not show as running for ever.
  refused: (run, input) => run((ctx) => markRunFailed(ctx, input)).then(() => {}),
});

/** Starts a run in the background (console, schedule); its row shows the progress. */
export async function startRun(ctx: Ctx, input: RunInput): Promise<BillingRunRow> {
  boundsOrFail(input.period);
  const row = await openRun(ctx, input);
  await ctx.platform.tasks.enqueue(ctx, billingRunTask, input);
  return row;
}

export async function getRun(ctx: Ctx, id: string): Promise<BillingRunRow> {
  const [row] = await ctx.tx
    .select()
    .from(billingRuns)
    .where(and(eq(billingRuns.companyId, ctx.companyId), eq(billingRuns.id, id)));
  if (!row) throw errors.notFound("billing_run");
  authorizeVisible(ctx.actor, "read", subject(billingPolicy, { buildingId: row.buildingId }));
  return row;
}

/** The run of a building and period, if there has been one (the console shows its summary). */
export async function findRun(ctx: Ctx, buildingId: string, period: string): Promise<BillingRunRow | null> {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, "read", subject(billingPolicy, { buildingId: building.id }));
  const [row] = await ctx.tx
    .select()
    .from(billingRuns)
    .where(
      and(
        eq(billingRuns.companyId, ctx.companyId),
        eq(billingRuns.buildingId, buildingId),
        eq(billingRuns.period, period),
      ),
    );
  return row ?? null;
}
