import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import {
  buildFeeRule,
  buildInvoice,
  buildPayment,
  newBuilding,
  newMember,
  newTariffVersion,
  newUnit,
  signIn,
} from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";

/*
 * The console's inbox over HTTP: each role sees its queues only, a building manager counts only the buildings
 * they cover, and another company's items never count. Every expected count below is the hand count of the
 * rows this file makes.
 */

let env: TestEnv;
// Company C: building B1 with units u1, u2; building B2 with u3.
let c: string;
let b1: string;
let b2: string;
let u1: string;
let u2: string;
let u3: string;
let admin: Client;
let manager: Client;
let accountant: Client;
let care: Client;
const owners: Record<string, string> = {};
/** The month in Vietnam now, as billing names it. */
const period = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
let breachDetected: Date;
let requestDue: Date;

type Queue = {
  key: string;
  count: number;
  overdue: number;
  due: string | null;
  link: string;
  parts: { buildingId: string | null; period: string | null; count: number; link: string }[];
};
const inbox = async (client: Client) => {
  const res = await client.get("/api/v1/console/work");
  expect(res.status).toBe(200);
  return new Map<string, Queue>(res.body.queues.map((q: Queue) => [q.key, q]));
};
const counts = (queues: Map<string, Queue>) =>
  Object.fromEntries([...queues].map(([key, q]) => [key, q.count]));

/** Residents' conversations in these states (who opened them does not matter to the queue). */
async function conversations(
  companyId: string,
  rows: { buildingId: string; unitId: string; status: string }[],
) {
  await env.db.transaction(companyId, async (tx) => {
    for (const r of rows)
      await tx.execute(sql`insert into conversations (company_id, building_id, unit_id, unit_code, account_id, topic, status)
        values (${companyId}, ${r.buildingId}, ${r.unitId}, 'X', gen_random_uuid(), 'Câu hỏi', ${r.status})`);
  });
}

let ticketNumber = 0;
/** Tickets in these states, their response and resolution times `respondIn` / `resolveIn` hours from now. */
async function tickets(
  companyId: string,
  rows: { buildingId: string; unitId: string; status: string; respondIn: number; resolveIn: number }[],
) {
  await env.db.transaction(companyId, async (tx) => {
    for (const r of rows)
      await tx.execute(sql`insert into tickets (company_id, number, building_id, unit_id, unit_code, location, category,
          priority, status, title, description, respond_by, resolve_by, responded_at)
        values (${companyId}, ${++ticketNumber}, ${r.buildingId}, ${r.unitId}, 'X', 'unit', 'plumbing', 'normal',
          ${r.status}, 'Rò nước', 'x', ${hoursAgo(-r.respondIn)}, ${hoursAgo(-r.resolveIn)},
          ${r.status === "new" ? null : hoursAgo(1)})`);
  });
}

/** Parcels at reception: `waiting` of them per building, and one picked up in each. */
async function receivedParcels(
  companyId: string,
  rows: { buildingId: string; unitId: string; waiting: number }[],
) {
  await env.db.transaction(companyId, async (tx) => {
    for (const r of rows)
      for (let i = 0; i <= r.waiting; i++)
        await tx.execute(sql`insert into parcels (company_id, building_id, unit_id, unit_code, carrier, status, code)
          values (${companyId}, ${r.buildingId}, ${r.unitId}, 'X', 'GHN', ${i < r.waiting ? "waiting" : "picked_up"},
            ${i < r.waiting ? String(100000 + i) : null})`);
  });
}

/** Bookings over whose deposit is still `held` per building, and one refunded in each. */
async function heldDeposits(companyId: string, rows: { buildingId: string; unitId: string; held: number }[]) {
  await env.db.transaction(companyId, async (tx) => {
    for (const r of rows)
      for (let i = 0; i <= r.held; i++)
        await tx.execute(sql`insert into bookings (company_id, building_id, amenity_id, unit_id, unit_code, starts_at,
            ends_at, status, seat, code, deposit, deposit_status)
          values (${companyId}, ${r.buildingId}, gen_random_uuid(), ${r.unitId}, 'X', ${hoursAgo(30 + i)},
            ${hoursAgo(27 + i)}, 'checked_in', 1, ${`DEP${i}${r.buildingId.slice(0, 5)}`}, 500000,
            ${i < r.held ? "held" : "refunded"})`);
  });
}

/**
 * Service requests waiting for the desk (`open`, requested or approved, and one done that is not) and
 * renovations waiting for a manager (`toDecide`, and one approved that is not).
 */
async function serviceWork(
  companyId: string,
  rows: { buildingId: string; unitId: string; open: number; toDecide: number }[],
) {
  await env.db.transaction(companyId, async (tx) => {
    for (const r of rows) {
      for (let i = 0; i <= r.open; i++)
        await tx.execute(sql`insert into service_requests (company_id, building_id, service_id, kind, unit_id,
            unit_code, status, preferred_on, scheduled_on)
          values (${companyId}, ${r.buildingId}, gen_random_uuid(), 'cleaning', ${r.unitId}, 'X',
            ${i < r.open ? (i % 2 ? "approved" : "requested") : "done"}, '2026-12-20', '2026-12-20')`);
      for (let i = 0; i <= r.toDecide; i++)
        await tx.execute(sql`insert into renovations (company_id, building_id, unit_id, unit_code, contractor,
            workers, starts_on, ends_on, description, status)
          values (${companyId}, ${r.buildingId}, ${r.unitId}, 'X', 'Thợ', 1, '2026-12-20', '2026-12-21', 'Sơn',
            ${i < r.toDecide ? "requested" : "approved"})`);
    }
  });
}

/**
 * Partners' items waiting for approval (`pending`, and one approved that is not), and per building cancelled
 * orders that were paid (`refunds`, and one cancelled unpaid that is not).
 */
async function marketplaceWork(
  companyId: string,
  pending: number,
  rows: { buildingId: string; unitId: string; refunds: number }[],
) {
  await env.db.transaction(companyId, async (tx) => {
    for (let i = 0; i <= pending; i++)
      await tx.execute(sql`insert into catalog_items (company_id, partner_id, kind, category, name_vi, name_en,
          price, vat_rate, building_ids, status)
        values (${companyId}, gen_random_uuid(), 'goods', 'water', 'Nước', 'Water', 65000, 8, '{}',
          ${i < pending ? "pending" : "approved"})`);
    for (const r of rows)
      for (let i = 0; i <= r.refunds; i++)
        await tx.execute(sql`insert into orders (company_id, code, partner_id, kind, building_id, unit_id, unit_code,
            slot_date, slot, delivery, payment, payment_status, status, total, vat, delivery_code, cancelled_at)
          values (${companyId}, ${`DH${r.buildingId.slice(0, 4)}${i}`}, gen_random_uuid(), 'goods', ${r.buildingId},
            ${r.unitId}, 'X', '2026-12-20', '08-10', 'door', 'transfer', ${i < r.refunds ? "paid" : "unpaid"},
            'cancelled', 65000, 4815, '1234', now())`);
  });
}

/** One of every kind of work item in a company, with the owner it needs: what another company must never see. */
async function fill(
  companyId: string,
  unit: { buildingId: string; unitId: string },
  residentId: string,
  items: {
    vehicles?: { pending: number; active?: number };
    changes?: { pending: number; decided?: number };
    flags?: { open?: number; resolved?: number };
  },
) {
  await env.db.transaction(companyId, async (tx) => {
    const vehicle = (status: string) =>
      tx.execute(sql`insert into vehicles (company_id, unit_id, building_id, resident_id, type, status)
                     values (${companyId}, ${unit.unitId}, ${unit.buildingId}, ${residentId}, 'bicycle', ${status})`);
    for (let i = 0; i < (items.vehicles?.pending ?? 0); i++) await vehicle("pending");
    for (let i = 0; i < (items.vehicles?.active ?? 0); i++) await vehicle("active");
    const change = (status: string) =>
      tx.execute(sql`insert into change_requests (company_id, unit_id, kind, status, proposed_area_m2)
                     values (${companyId}, ${unit.unitId}, 'area', ${status}, 80)`);
    for (let i = 0; i < (items.changes?.pending ?? 0); i++) await change("pending");
    for (let i = 0; i < (items.changes?.decided ?? 0); i++) await change("approved");
    const flag = (resolved: boolean) =>
      tx.execute(sql`insert into household_flags (company_id, unit_id, note, resolved_at)
                     values (${companyId}, ${unit.unitId}, 'Kiểm tra lại danh sách', ${resolved ? new Date() : null})`);
    for (let i = 0; i < (items.flags?.open ?? 0); i++) await flag(false);
    for (let i = 0; i < (items.flags?.resolved ?? 0); i++) await flag(true);
  });
}

async function transfers(companyId: string, statuses: string[]) {
  await env.db.transaction(companyId, async (tx) => {
    for (const [i, status] of statuses.entries())
      await tx.execute(sql`insert into bank_transfers (company_id, provider, external_id, gateway, account_number,
                             amount, memo, occurred_at, status)
                           values (${companyId}, 'sepay', ${`${companyId}-${i}`}, 'VCB', '0011', 100000, 'CK',
                             ${hoursAgo(i + 1)}, ${status})`);
  });
}

async function requests(companyId: string, residentId: string, rows: { status: string; dueAt: Date }[]) {
  await env.db.transaction(companyId, async (tx) => {
    for (const r of rows)
      await tx.execute(sql`insert into privacy_requests (company_id, resident_id, kind, status, channel, due_at)
                           values (${companyId}, ${residentId}, 'access', ${r.status}, 'app', ${r.dueAt})`);
  });
}

async function breaches(companyId: string, rows: { status: string; detectedAt: Date }[]) {
  await env.db.transaction(companyId, async (tx) => {
    for (const r of rows)
      await tx.execute(sql`insert into breach_incidents (company_id, title, description, detected_at, severity,
                             status, fields)
                           values (${companyId}, 'Lộ danh sách', 'Mô tả', ${r.detectedAt}, 'high', ${r.status},
                             ${sql`array['resident.phone']::text[]`})`);
  });
}

async function addOwner(client: Client, unitId: string, fullName: string) {
  const res = await client.post(`/api/v1/units/${unitId}/household`, { role: "owner", fullName });
  expect(res.status).toBe(201);
  return res.body.resident.id as string;
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId: c, buildingId: b1, unitId: u1 } = await newUnit(env, { code: "A-01.01" }));
  u2 = (await newUnit(env, { companyId: c, buildingId: b1, code: "A-01.02" })).unitId;
  b2 = (await newBuilding(env, c)).buildingId;
  u3 = (await newUnit(env, { companyId: c, buildingId: b2, code: "B-01.01" })).unitId;
  admin = await signIn(env, await newMember(env, "company_admin", { companyId: c }));
  manager = await signIn(env, await newMember(env, "building_manager", { companyId: c, buildingIds: [b1] }));
  accountant = await signIn(env, await newMember(env, "accountant", { companyId: c, buildingIds: [b1] }));
  care = await signIn(env, await newMember(env, "customer_care", { companyId: c }));
  owners.u1 = await addOwner(admin, u1, "Trần Văn Một");
  owners.u3 = await addOwner(admin, u3, "Lê Thị Ba");

  // Registry: vehicles 2 pending (+1 active) in B1, 1 pending in B2; changes 1 (+1 decided) in B1, 1 in B2;
  // flags 1 open (+1 resolved) in B1, 2 open in B2.
  await fill(c, { buildingId: b1, unitId: u1 }, owners.u1, {
    vehicles: { pending: 2, active: 1 },
    changes: { pending: 1, decided: 1 },
    flags: { open: 1 },
  });
  await fill(c, { buildingId: b1, unitId: u2 }, owners.u1, { flags: { resolved: 1 } });
  await fill(c, { buildingId: b2, unitId: u3 }, owners.u3, {
    vehicles: { pending: 1 },
    changes: { pending: 1 },
    flags: { open: 2 },
  });

  // Readings: B1 bills electricity and u1 has this month's reading, u2 not (1 missing); B2 bills water, u3 has
  // none (1 missing).
  const tariff = await newTariffVersion(env, c, {
    bands: [{ upTo: null, price: 2000 }],
    validFrom: "2020-01-01",
  });
  const water = await newTariffVersion(env, c, {
    kind: "water",
    bands: [{ upTo: null, price: 6000 }],
    validFrom: "2020-01-01",
  });
  await buildFeeRule(env, {
    companyId: c,
    buildingId: b1,
    kind: "electricity",
    name: "Tiền điện",
    unitType: null,
    price: null,
    tariffCode: tariff.code,
    validFrom: "2020-01-01",
  });
  await buildFeeRule(env, {
    companyId: c,
    buildingId: b2,
    kind: "water",
    name: "Tiền nước",
    unitType: null,
    price: null,
    tariffCode: water.code,
    validFrom: "2020-01-01",
  });
  await env.db.transaction(c, (tx) =>
    tx.execute(sql`insert into meter_readings (company_id, building_id, unit_id, kind, period, previous, reading, read_on)
                   values (${c}, ${b1}, ${u1}, 'electricity', ${period}, 100, 250, ${`${period}-01`})`),
  );

  // Notices: drafts of 2026-03 for u1 and u2 (B1), of 2026-04 for u3 (B2). Issued and due 2026-02-15 (past):
  // u1 twice (200,000 owed), u2 once with 40,000 paid (60,000 owed); u3's issued notice is not due yet.
  const inB1 = { companyId: c, buildingId: b1 };
  await buildInvoice(env, { ...inB1, unitId: u1, period: "2026-03", status: "draft" });
  await buildInvoice(env, { ...inB1, unitId: u2, period: "2026-03", status: "draft" });
  await buildInvoice(env, { companyId: c, buildingId: b2, unitId: u3, period: "2026-04", status: "draft" });
  await buildInvoice(env, { ...inB1, unitId: u1, period: "2025-11" });
  await buildInvoice(env, { ...inB1, unitId: u1, period: "2025-12" });
  const partly = await buildInvoice(env, { ...inB1, unitId: u2, period: "2025-12" });
  await buildPayment(env, { ...inB1, unitId: u2, invoiceId: partly.invoiceId, amount: 40_000 });
  const later = await buildInvoice(env, { companyId: c, buildingId: b2, unitId: u3, period: "2025-12" });
  await env.db.transaction(c, (tx) =>
    tx.execute(
      sql`update invoices set due_on = '2099-12-31' where company_id = ${c} and id = ${later.invoiceId}`,
    ),
  );

  // Transfers: 2 unmatched, 1 matched. Requests: one overdue, one in progress on time, one completed.
  // Breaches: one open past its 72 hours, one contained 10 hours in, one closed.
  await transfers(c, ["unmatched", "unmatched", "matched"]);
  requestDue = hoursAgo(24);
  await requests(c, owners.u1, [
    { status: "open", dueAt: requestDue },
    { status: "in_progress", dueAt: new Date(Date.now() + 10 * 86400_000) },
    { status: "completed", dueAt: hoursAgo(48) },
  ]);
  breachDetected = hoursAgo(80);
  await breaches(c, [
    { status: "open", detectedAt: breachDetected },
    { status: "contained", detectedAt: hoursAgo(10) },
    { status: "closed", detectedAt: hoursAgo(200) },
  ]);

  // Conversations: one waiting in each building, one answered in B1.
  await conversations(c, [
    { buildingId: b1, unitId: u1, status: "open" },
    { buildingId: b2, unitId: u3, status: "open" },
    { buildingId: b1, unitId: u2, status: "answered" },
  ]);

  // Tickets: a new one late to answer in B1, a new one in time in B2, one in progress past its resolution time
  // in B1, a closed one.
  await tickets(c, [
    { buildingId: b1, unitId: u1, status: "new", respondIn: -1, resolveIn: 20 },
    { buildingId: b2, unitId: u3, status: "new", respondIn: 1, resolveIn: 20 },
    { buildingId: b1, unitId: u2, status: "in_progress", respondIn: -5, resolveIn: -2 },
    { buildingId: b1, unitId: u2, status: "closed", respondIn: -50, resolveIn: -30 },
  ]);

  // Parcels: two waiting in B1, one in B2.
  await receivedParcels(c, [
    { buildingId: b1, unitId: u1, waiting: 2 },
    { buildingId: b2, unitId: u3, waiting: 1 },
  ]);
  await heldDeposits(c, [
    { buildingId: b1, unitId: u1, held: 1 },
    { buildingId: b2, unitId: u3, held: 1 },
  ]);
  // Services: two requests and a renovation waiting in B1, one request in B2.
  await serviceWork(c, [
    { buildingId: b1, unitId: u1, open: 2, toDecide: 1 },
    { buildingId: b2, unitId: u3, open: 1, toDecide: 0 },
  ]);
  // Marketplace: two items to approve; a paid order cancelled in each building.
  await marketplaceWork(c, 2, [
    { buildingId: b1, unitId: u1, refunds: 1 },
    { buildingId: b2, unitId: u3, refunds: 1 },
  ]);

  // Company D: one of everything, which C's staff must never count.
  const d = await newUnit(env, { code: "A-01.01" });
  const dAdmin = await signIn(env, await newMember(env, "company_admin", { companyId: d.companyId }));
  const dOwner = await addOwner(dAdmin, d.unitId, "Người Khác");
  await fill(d.companyId, d, dOwner, {
    vehicles: { pending: 1 },
    changes: { pending: 1 },
    flags: { open: 1 },
  });
  await buildInvoice(env, { ...d, period: "2026-03", status: "draft" });
  await buildInvoice(env, { ...d, period: "2025-12" });
  await transfers(d.companyId, ["unmatched"]);
  await conversations(d.companyId, [{ buildingId: d.buildingId, unitId: d.unitId, status: "open" }]);
  await tickets(d.companyId, [{ ...d, status: "new", respondIn: -1, resolveIn: -1 }]);
  await receivedParcels(d.companyId, [{ ...d, waiting: 1 }]);
  await heldDeposits(d.companyId, [{ ...d, held: 2 }]);
  await serviceWork(d.companyId, [{ ...d, open: 2, toDecide: 2 }]);
  await marketplaceWork(d.companyId, 3, [{ ...d, refunds: 2 }]);
  await requests(d.companyId, dOwner, [{ status: "open", dueAt: hoursAgo(1) }]);
  await breaches(d.companyId, [{ status: "open", detectedAt: hoursAgo(100) }]);
});

describe("GET /console/work", () => {
  it("refuses the anonymous and residents", async () => {
    const { Client } = await import("../../../../test/helpers/client.js");
    expect((await new Client(env.app).get("/api/v1/console/work")).status).toBe(401);
    const resident = await signIn(env, await newMember(env, "resident", { companyId: c, unitIds: [u1] }));
    expect((await resident.get("/api/v1/console/work")).status).toBe(403);
  });

  it("gives the company admin every queue, counted over every building, none of another company's", async () => {
    const queues = await inbox(admin);
    expect(counts(queues)).toEqual({
      "registry.vehicles": 3,
      "registry.changes": 2,
      "registry.flags": 3,
      "billing.readings": 2,
      "billing.drafts": 3,
      "billing.transfers": 2,
      "billing.debts": 2,
      "privacy.requests": 2,
      "privacy.breaches": 2,
      "conversations.waiting": 2,
      "tickets.new": 2,
      "tickets.overdue": 2,
      "reception.parcels": 3,
      "amenities.deposits": 2,
      "services.requests": 3,
      "services.renovations": 1,
      "marketplace.items": 2,
      "marketplace.refunds": 2,
    });
    const flags = queues.get("registry.flags");
    // The building whose flag waits longest first (B1's was raised before B2's), each part opening its
    // building's flagged units.
    expect(flags?.parts.map((p) => [p.buildingId, p.count, p.link])).toEqual([
      [b1, 1, `/console/buildings/${b1}?tab=list&flagged=true`],
      [b2, 2, `/console/buildings/${b2}?tab=list&flagged=true`],
    ]);
    expect(queues.get("billing.drafts")?.parts.map((p) => [p.buildingId, p.period, p.count])).toEqual([
      [b1, "2026-03", 2],
      [b2, "2026-04", 1],
    ]);
    expect(queues.get("billing.drafts")?.link).toBe(
      `/console/billing/notices?building=${b1}&status=draft&period=2026-03`,
    );
    expect(
      queues
        .get("billing.readings")
        ?.parts.map((p) => [p.buildingId, p.period, p.count])
        .sort(),
    ).toEqual(
      [
        [b1, period, 1],
        [b2, period, 1],
      ].sort(),
    );
    expect(queues.get("billing.debts")?.parts.map((p) => [p.buildingId, p.count])).toEqual([[b1, 2]]);
    expect(queues.get("billing.debts")?.due?.slice(0, 10)).toBe("2026-02-15");
  });

  it("shows the clocks: the overdue data request and the breach past its 72 hours", async () => {
    const queues = await inbox(admin);
    const requests = queues.get("privacy.requests");
    expect(requests).toMatchObject({ count: 2, overdue: 1, link: "/console/privacy/requests?overdue=true" });
    expect(requests?.due).toBe(requestDue.toISOString());
    const breaches = queues.get("privacy.breaches");
    expect(breaches).toMatchObject({ count: 2, overdue: 1, link: "/console/privacy/breaches?status=active" });
    expect(breaches?.due).toBe(new Date(breachDetected.getTime() + 72 * 3600_000).toISOString());
  });

  it("keeps a building manager to their buildings' items and the queues they work", async () => {
    expect(counts(await inbox(manager))).toEqual({
      "registry.vehicles": 2,
      "registry.changes": 1,
      "registry.flags": 1,
      "billing.readings": 1,
      "billing.drafts": 2,
      "billing.debts": 2,
      "conversations.waiting": 1,
      "tickets.new": 1,
      "tickets.overdue": 2,
      "reception.parcels": 2,
      "amenities.deposits": 1,
      "services.requests": 2,
      "services.renovations": 1,
      "marketplace.items": 2,
    });
  });

  it("gives the accountant billing's queues of their buildings, transfers of the company", async () => {
    expect(counts(await inbox(accountant))).toEqual({
      "billing.readings": 1,
      "billing.drafts": 2,
      "billing.transfers": 2,
      "billing.debts": 2,
      "marketplace.refunds": 1,
    });
  });

  it("gives customer care the registry's approvals and the data requests, across the company", async () => {
    expect(counts(await inbox(care))).toEqual({
      "registry.vehicles": 3,
      "registry.changes": 2,
      "registry.flags": 3,
      "privacy.requests": 2,
      "conversations.waiting": 2,
      "tickets.new": 2,
      "tickets.overdue": 2,
      "reception.parcels": 3,
      "services.requests": 3,
    });
  });

  it("lists an empty queue with a zero count and its list's address", async () => {
    const empty = await newUnit(env);
    const alone = await signIn(
      env,
      await newMember(env, "building_manager", { ...empty, buildingIds: [empty.buildingId] }),
    );
    const queues = await inbox(alone);
    expect(queues.get("registry.vehicles")).toMatchObject({
      count: 0,
      parts: [],
      link: "/console/residents?queue=vehicles",
    });
    expect([...queues.values()].every((q) => q.count === 0)).toBe(true);
  });
});

describe("unit rows: owner and balance", () => {
  it("names each unit's current owners and filters the units with an open flag", async () => {
    const res = await admin.get(`/api/v1/units?buildingId=${b1}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { code: string; owner: string | null }) => [u.code, u.owner])).toEqual([
      ["A-01.01", "Trần Văn Một"],
      ["A-01.02", null],
    ]);
    // A co-owner joins the first: names in order, joined by commas.
    await addOwner(admin, u2, "Vũ Văn Hai");
    await addOwner(admin, u2, "An Thị Tư");
    const again = await admin.get(`/api/v1/units?buildingId=${b1}&q=A-01.02`);
    expect(again.body.items[0].owner).toBe("An Thị Tư, Vũ Văn Hai");

    const flagged = await admin.get(`/api/v1/units?buildingId=${b1}&flagged=true`);
    expect(flagged.body.items.map((u: { id: string }) => u.id)).toEqual([u1]);
    const unflagged = await admin.get(`/api/v1/units?buildingId=${b1}&flagged=false`);
    expect(unflagged.body.items.map((u: { id: string }) => u.id)).toEqual([u2]);
  });

  it("answers a page's balances: what each unit owes on issued notices and the part overdue", async () => {
    const res = await accountant.get(`/api/v1/billing/unit-balances?buildingId=${b1}&unitIds=${u1},${u2}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { unitId: u1, balance: 200_000, overdue: 200_000 },
      { unitId: u2, balance: 60_000, overdue: 60_000 },
    ]);
    const b2Res = await admin.get(`/api/v1/billing/unit-balances?buildingId=${b2}&unitIds=${u3}`);
    expect(b2Res.body.items).toEqual([{ unitId: u3, balance: 100_000, overdue: 0 }]);
    // Another building's unit asked under B1 owes nothing there.
    const wrong = await admin.get(`/api/v1/billing/unit-balances?buildingId=${b1}&unitIds=${u3}`);
    expect(wrong.body.items).toEqual([{ unitId: u3, balance: 0, overdue: 0 }]);
  });

  it("refuses balances of a building outside the caller's reach, and to those who do not read billing", async () => {
    expect(
      (await accountant.get(`/api/v1/billing/unit-balances?buildingId=${b2}&unitIds=${u3}`)).status,
    ).toBe(404);
    expect((await care.get(`/api/v1/billing/unit-balances?buildingId=${b1}&unitIds=${u1}`)).status).toBe(403);
    expect((await admin.get(`/api/v1/billing/unit-balances?buildingId=${b1}&unitIds=nope`)).status).toBe(400);
  });
});

describe("household", () => {
  it("lists the owner first and tells who already uses the app", async () => {
    const { companyId, buildingId, unitId } = await newUnit(env);
    const staff = await signIn(env, await newMember(env, "company_admin", { companyId }));
    const add = async (role: string, fullName: string, extra = {}) => {
      const res = await staff.post(`/api/v1/units/${unitId}/household`, { role, fullName, ...extra });
      expect(res.status).toBe(201);
      return res.body.resident.id as string;
    };
    await add("member", "An Văn Con");
    await add("tenant", "Bùi Thị Thuê", { leaseEndsOn: "2030-01-01" });
    const ownerId = await add("owner", "Vương Văn Chủ");
    const account = await newMember(env, "resident", { companyId, unitIds: [unitId] });
    await env.db.transaction(companyId, (tx) =>
      tx.execute(sql`update residents set account_id = ${account.accountId}
                     where company_id = ${companyId} and id = ${ownerId}`),
    );
    const res = await staff.get(`/api/v1/units/${unitId}/household`);
    expect(res.status).toBe(200);
    expect(
      res.body.members.map((m: { role: string; usesApp: boolean; resident: { fullName: string } }) => [
        m.role,
        m.resident.fullName,
        m.usesApp,
      ]),
    ).toEqual([
      ["owner", "Vương Văn Chủ", true],
      ["tenant", "Bùi Thị Thuê", false],
      ["member", "An Văn Con", false],
    ]);
    expect(buildingId).toBeTruthy();
  });
});
