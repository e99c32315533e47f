import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { listTickets, ticketBoard } from "../src/server/modules/tickets/tickets.views.js";
import type { Actor } from "../src/server/platform/authz/actor.js";
import type { Ctx, Platform } from "../src/server/platform/context.js";
import { type Database, openPgliteDir, openPostgres } from "../src/server/platform/db/client.js";
import { migrate } from "../src/server/platform/db/migrate.js";
import { platformFor, postgresAnswers, result, rssMb, withScratchDatabase } from "./common.js";

/*
 * `npm run bench -- tickets`: the ticket desk's list and board at 100,000 tickets (four buildings, two years of
 * them: most closed, a few thousand open, some past their times), as the product's service answers them in a
 * tenant transaction — the queries, the requesters' and assignees' names, the masked phones, the SLA flags —
 * beside a baseline: the same page and count (the board: the same counts and first cards per status) written by
 * hand as raw SQL in a bare transaction. Each figure is the p50 of BENCH_REPEAT (default 30) runs after a warm-up.
 * Goal (issue 15): product ≤ 2× the raw SQL, on both databases.
 */

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);
const BUILDINGS = 4;
const UNITS_PER_BUILDING = 1000;
const TECHNICIANS = 8;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

async function timed(fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The company, its buildings and units, a resident with an account per unit, technicians, and the tickets. */
async function seed(db: Database) {
  await migrate(db);
  const q = <T>(text: string, values: unknown[] = []) =>
    db.ownerSql.query<T & Record<string, unknown>>(text, values).then((r) => r.rows);
  const [company] = await q<{ id: string }>(
    "insert into companies (name) values ('Bench tickets') returning id",
  );
  const companyId = company?.id as string;
  const buildings = await q<{ id: string }>(
    `insert into buildings (company_id, name, address, blocks)
     select $1, 'Toà ' || g, g || ' Lê Lợi, TP. Hồ Chí Minh', '[{"name":"A","floors":40},{"name":"B","floors":40}]'
       from generate_series(1, $2) g returning id`,
    [companyId, BUILDINGS],
  );
  const buildingIds = buildings.map((b) => b.id);
  await q(
    `insert into units (company_id, building_id, code, block, floor, area_m2)
     select $1, b.id, chr(65 + g % 2) || '-' || lpad((1 + (g / 2) % 40)::text, 2, '0') || '.' || lpad((g / 80 + 1)::text, 2, '0'),
            chr(65 + g % 2), 1 + (g / 2) % 40, 70
       from unnest($2::uuid[]) b(id), generate_series(0, $3 - 1) g`,
    [companyId, buildingIds, UNITS_PER_BUILDING],
  );
  await q(
    `with u as (select id, row_number() over (order by building_id, code) as i from units where company_id = $1),
          a as (insert into accounts (display_name, email_bidx)
                select 'Nguyễn Văn Cư Dân ' || i, 'bench-ticket-' || i from u returning id, display_name),
          n as (select id, row_number() over (order by display_name) as i from a)
     insert into residents (company_id, full_name, name_search, account_id)
     select $1, 'Nguyễn Văn Cư Dân ' || i, 'nguyen van cu dan ' || i, id from n`,
    [companyId],
  );
  const technicians = await q<{ id: string }>(
    `insert into accounts (display_name, email_bidx)
     select 'Kỹ Thuật ' || g, 'bench-tech-' || g from generate_series(1, $1) g returning id`,
    [TECHNICIANS],
  );
  const technicianIds = technicians.map((t) => t.id);
  await q(
    `insert into memberships (company_id, account_id, role, building_ids)
     select $1, t.id, 'technician', $2::uuid[] from unnest($3::uuid[]) t(id)`,
    [companyId, buildingIds, technicianIds],
  );
  // Two years of tickets: 85% closed, 5% resolved, the rest spread over the open statuses; a tenth of those
  // opened in the last days are past their times.
  await q(
    `with u as (select id, building_id, code, row_number() over (order by building_id, code) - 1 as i
                  from units where company_id = $1),
          r as (select account_id, row_number() over (order by full_name) - 1 as i from residents where company_id = $1),
          t as (select g, (g * 7919) % ${BUILDINGS * UNITS_PER_BUILDING} as ui,
                       now() - ((g::float / $2) * interval '730 days') as opened,
                       case when g % 100 < 85 then 'closed' when g % 100 < 90 then 'resolved'
                            else (array['new','acknowledged','in_progress','waiting','reopened'])[1 + g % 5] end as status
                  from generate_series(1, $2) g)
     insert into tickets (company_id, number, building_id, unit_id, unit_code, location, category, priority, status,
                          title, description, requester_id, assigned_to, respond_by, resolve_by, responded_at,
                          resolved_at, closed_at, rating, created_at, updated_at)
     select $1, t.g, u.building_id, u.id, u.code, 'unit',
            (array['plumbing','electricity','elevator','cleaning','security','noise','billing','other'])[1 + t.g % 8],
            (array['low','normal','normal','high','urgent'])[1 + t.g % 5], t.status,
            'Sự cố số ' || t.g, 'Mô tả sự cố số ' || t.g, r.account_id,
            case when t.g % 3 = 0 then null else ($3::uuid[])[1 + t.g % ${TECHNICIANS}] end,
            t.opened + interval '30 minutes', t.opened + interval '1 day',
            case when t.status = 'new' then null else t.opened + interval '20 minutes' end,
            case when t.status in ('resolved', 'closed') then t.opened + interval '20 hours' end,
            case when t.status = 'closed' then t.opened + interval '3 days' end,
            case when t.status = 'closed' and t.g % 4 = 0 then 1 + t.g % 5 end,
            t.opened, t.opened + interval '1 hour'
       from t join u on u.i = t.ui join r on r.i = t.ui`,
    [companyId, TICKETS, technicianIds],
  );
  await q("insert into ticket_counters (company_id, last) values ($1, $2)", [companyId, TICKETS]);
  await q("analyze tickets");
  await q("analyze accounts");
  await q("analyze residents");
  return { companyId, buildingIds, technicianIds };
}

function ctxFor(platform: Platform, companyId: string, actor: Actor, tx: Ctx["tx"]): Ctx {
  return { companyId, actor, lang: "vi", requestId: "bench", tx, platform, afterCommit: () => {} };
}

/** The list's page and count, written by hand: the tickets a scope sees, with the two names. */
function rawList(companyId: string, scope: string, order: string) {
  return [
    `select t.*, req.display_name as requester_name, asg.display_name as assignee_name
       from tickets t left join accounts req on req.id = t.requester_id left join accounts asg on asg.id = t.assigned_to
      where t.company_id = '${companyId}' ${scope} order by ${order} limit 20`,
    `select count(*) from tickets t where t.company_id = '${companyId}' ${scope}`,
  ];
}

const OPEN = `t.status in ('new','acknowledged','in_progress','waiting','reopened')`;
const PRESSING = `case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, t.resolve_by, t.id`;

/** The board's counts and its first 20 cards of each status but closed, written by hand. */
function rawBoard(companyId: string, scope: string) {
  const statuses = `t.status in ('new','acknowledged','in_progress','waiting','reopened','resolved')`;
  return [
    `select t.status, count(*) from tickets t where t.company_id = '${companyId}' ${scope} and ${statuses} group by t.status`,
    `select t.*, req.display_name, asg.display_name from (
        select t.id, row_number() over (partition by t.status order by ${PRESSING}) as rank
          from tickets t where t.company_id = '${companyId}' ${scope} and ${statuses}) ranked
       join tickets t on t.company_id = '${companyId}' and t.id = ranked.id
       left join accounts req on req.id = t.requester_id left join accounts asg on asg.id = t.assigned_to
      where ranked.rank <= 20 order by ${PRESSING}`,
  ];
}

async function measure(kind: "pglite" | "postgres", db: Database) {
  try {
    const started = performance.now();
    const { companyId, buildingIds, technicianIds } = await seed(db);
    console.log(
      `${kind}: ${TICKETS} tickets seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const platform = platformFor(db);
    const staff = (
      role: Actor["role"],
      ids: string[],
      accountId = "00000000-0000-4000-8000-000000000001",
    ): Actor => ({
      accountId,
      platformAdmin: false,
      membershipId: null,
      role,
      buildingIds: ids,
      unitIds: [],
    });
    const admin = staff("company_admin", []);
    const manager = staff("building_manager", [buildingIds[0] as string]);
    const technician = staff("technician", buildingIds, technicianIds[0]);
    const asActor = <T>(actor: Actor, fn: (ctx: Ctx) => Promise<T>) =>
      db.transaction(companyId, (tx) => fn(ctxFor(platform, companyId, actor, tx)));
    const raw = (texts: string[]) => () =>
      db.transaction(companyId, (tx) => Promise.all(texts.map((t) => tx.execute(sql.raw(t)))));
    const page = { page: 1, pageSize: 20, overdue: false } as const;
    const inBuilding = `and t.building_id = '${buildingIds[0]}'`;
    const cases: { name: string; product: () => Promise<unknown>; baseline: string[] }[] = [
      {
        name: "list_all",
        product: () => asActor(admin, (ctx) => listTickets(ctx, page)),
        baseline: rawList(companyId, "", "t.created_at desc, t.id desc"),
      },
      {
        name: "list_open",
        product: () => asActor(admin, (ctx) => listTickets(ctx, { ...page, status: "open" })),
        baseline: rawList(companyId, `and ${OPEN}`, PRESSING),
      },
      {
        name: "list_overdue",
        product: () => asActor(admin, (ctx) => listTickets(ctx, { ...page, overdue: true })),
        baseline: rawList(
          companyId,
          `and ((t.responded_at is null and t.respond_by < now()) or (${OPEN} and t.paused_at is null and t.resolve_by < now()))`,
          PRESSING,
        ),
      },
      {
        name: "list_manager_open",
        product: () => asActor(manager, (ctx) => listTickets(ctx, { ...page, status: "open" })),
        baseline: rawList(companyId, `${inBuilding} and ${OPEN}`, PRESSING),
      },
      {
        name: "list_technician_open",
        product: () => asActor(technician, (ctx) => listTickets(ctx, { ...page, status: "open" })),
        baseline: rawList(companyId, `and t.assigned_to = '${technicianIds[0]}' and ${OPEN}`, PRESSING),
      },
      {
        name: "board",
        product: () => asActor(admin, (ctx) => ticketBoard(ctx, { perColumn: 20 })),
        baseline: rawBoard(companyId, ""),
      },
      {
        name: "board_manager",
        product: () => asActor(manager, (ctx) => ticketBoard(ctx, { perColumn: 20 })),
        baseline: rawBoard(companyId, inBuilding),
      },
    ];
    for (const c of cases) {
      const product = await timed(c.product);
      const base = await timed(raw(c.baseline));
      result("tickets", kind, {
        query: c.name,
        tickets: TICKETS,
        p50_ms: product.p50.toFixed(1),
        p95_ms: product.p95.toFixed(1),
        baseline: base.p50.toFixed(1),
        ratio: (product.p50 / base.p50).toFixed(2),
        rss_mb: rssMb(),
      });
    }
  } finally {
    await db.close();
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function run(): Promise<void> {
  if (await postgresAnswers()) {
    await withScratchDatabase("chungcu_bench_tickets", (url) => measure("postgres", openPostgres(url)));
  } else {
    console.log("PostgreSQL does not answer: measuring PGlite only");
  }
  if (process.env.BENCH_DB === "postgres") return;
  const dir = mkdtempSync(path.join(tmpdir(), "chungcu-bench-tickets-"));
  try {
    await measure("pglite", await openPgliteDir(path.join(dir, "pglite")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
