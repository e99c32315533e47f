import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { buildInvoice, newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import { Client } from "../../../../../test/helpers/client.js";
import { newResident } from "../../../../../test/helpers/residents.js";

/*
 * The resident's home (GET /me/home): one answer with the cards the modules fill for one of the resident's
 * units. Amounts are worked out by hand from the notices each test inserts.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId } = await newUnit(env));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
});

const unitHere = async (code: string) => (await newUnit(env, { companyId, buildingId, code })).unitId;
const n = { value: 0 };
const email = (who: string) => `${who}.${++n.value}.${Date.now()}@example.vn`;

/** A notice of the unit with `paid` of its `amount` already paid. */
async function notice(
  unitId: string,
  period: string,
  amount: number,
  opts: { paid?: number; status?: "draft" | "issued"; at?: { companyId: string; buildingId: string } } = {},
) {
  const at = opts.at ?? { companyId, buildingId };
  const built = await buildInvoice(env, { ...at, unitId, period, amount, status: opts.status ?? "issued" });
  if (opts.paid) {
    const status = opts.paid >= amount ? "paid" : "partially_paid";
    await env.db.ownerSql.query("update invoices set paid = $1, status = $2 where id = $3", [
      opts.paid,
      status,
      built.invoiceId,
    ]);
  }
  return built.invoiceId;
}

type Card = { key: string; data: Record<string, unknown> };
const card = (body: { cards: Card[] }, key: string) => body.cards.find((c) => c.key === key)?.data;

describe("GET /me/home", () => {
  it("refuses a caller who is not signed in", async () => {
    const unitId = await unitHere("H-00.01");
    const res = await new Client(env.app).get("/api/v1/me/home", { unitId });
    expect(res.status).toBe(401);
  });

  it("shows the amount due summed by hand, the oldest open notice, and only the modules' tabs", async () => {
    const unitId = await unitHere("H-01.01");
    const r = await newResident(env, admin, unitId, { fullName: "Trần Thị Hà", email: email("ha") });
    const jan = await notice(unitId, "2026-01", 100_000);
    await notice(unitId, "2026-02", 250_000, { paid: 40_000 });
    await notice(unitId, "2025-12", 70_000, { paid: 70_000 });
    await notice(unitId, "2026-03", 999_000, { status: "draft" });
    // Another unit of the same building owes too: none of it is this unit's.
    await notice(await unitHere("H-01.02"), "2026-01", 555_000);

    const res = await r.client.get("/api/v1/me/home", { unitId });
    expect(res.status).toBe(200);
    expect(res.body.unitCode).toBe("H-01.01");
    // 100,000 (January, unpaid) + 250,000 − 40,000 (February, part paid); December is paid, March a draft.
    expect(card(res.body, "billing.amountDue")).toEqual({
      due: 310_000,
      openCount: 2,
      oldestInvoiceId: jan,
      oldestDueOn: "2026-02-15",
      overdue: true,
    });
    expect(res.body.tabs).toEqual(["invoices", "services", "tickets"]);
    // In the order the modules give them (tickets 20, conversations 30, amenities 32, services 33, guests 35,
    // vehicle 40, announcements 45, surveys 47, household 50, documents 60).
    expect(res.body.actions.map((a: { key: string }) => a.key)).toEqual([
      "tickets.report",
      "conversations.write",
      "amenities.book",
      "services.request",
      "marketplace.shop",
      "reception.guest",
      "registry.vehicle",
      "announcements.feed",
      "surveys.list",
      "registry.household",
      "documents.library",
    ]);
  });

  it("leaves out a card with nothing to show (all paid, nothing unread, no request)", async () => {
    const unitId = await unitHere("H-02.01");
    const r = await newResident(env, admin, unitId, { fullName: "Lê Văn Bình", email: email("binh") });
    await notice(unitId, "2026-01", 80_000, { paid: 80_000 });
    const res = await r.client.get("/api/v1/me/home", { unitId });
    expect(res.status).toBe(200);
    expect(res.body.cards).toEqual([]);
  });

  it("counts the unread announcements of the unit's building, latest first, and forgets one once read", async () => {
    const unitId = await unitHere("H-03.01");
    const r = await newResident(env, admin, unitId, { fullName: "Phạm Thu Trang", email: email("trang") });
    for (const title of ["Cắt nước thứ Bảy", "Diễn tập PCCC", "Họp cư dân quý IV"]) {
      const sent = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
        title,
        body: "Nội dung.",
      });
      expect(sent.status).toBe(201);
    }
    // The same person hears from another building too (their other home): that one is not this unit's.
    const other = await newUnit(env, { companyId });
    const otherSent = await admin.post(`/api/v1/buildings/${other.buildingId}/announcements`, {
      title: "Tòa khác",
      body: "x",
    });
    expect(otherSent.status).toBe(201);

    const before = await r.client.get("/api/v1/me/home", { unitId });
    const unread = card(before.body, "announcements.unread") as {
      unread: number;
      latest: { title: string }[];
    };
    expect(unread.unread).toBe(3);
    expect(unread.latest.map((a) => a.title)).toEqual([
      "Họp cư dân quý IV",
      "Diễn tập PCCC",
      "Cắt nước thứ Bảy",
    ]);

    const inbox = await r.client.get("/api/v1/notifications");
    const newest = inbox.body.items.find((i: { title: string }) => i.title === "Họp cư dân quý IV");
    expect((await r.client.post(`/api/v1/notifications/${newest.id}/read`)).status).toBe(204);
    const after = await r.client.get("/api/v1/me/home", { unitId });
    expect(card(after.body, "announcements.unread")).toMatchObject({ unread: 2 });
  });

  it("lists the household's open requests with their status", async () => {
    const unitId = await unitHere("H-04.01");
    const r = await newResident(env, admin, unitId, { fullName: "Đỗ Minh Khoa", email: email("khoa") });
    const car = await r.client.post(`/api/v1/units/${unitId}/vehicles`, {
      residentId: r.residentId,
      type: "motorbike",
      plate: "59X1-234.56",
    });
    expect(car.status).toBe(201);
    const area = await r.client.post(`/api/v1/units/${unitId}/change-requests`, {
      kind: "area",
      areaM2: 72.5,
    });
    expect(area.status).toBe(201);
    // A neighbour's request is theirs.
    const neighbour = await unitHere("H-04.02");
    const n2 = await newResident(env, admin, neighbour, { fullName: "Ngô Lan", email: email("lan") });
    await n2.client.post(`/api/v1/units/${neighbour}/change-requests`, { kind: "area", areaM2: 60 });

    const res = await r.client.get("/api/v1/me/home", { unitId });
    const requests = card(res.body, "registry.requests") as { items: Record<string, unknown>[] };
    expect(requests.items).toEqual([
      expect.objectContaining({ id: area.body.id, kind: "area", status: "pending", vehicleType: null }),
      expect.objectContaining({
        id: car.body.id,
        kind: "vehicle",
        status: "pending",
        vehicleType: "motorbike",
      }),
    ]);

    const rejected = await admin.post(`/api/v1/change-requests/${area.body.id}/reject`, {
      note: "Sai số đo",
    });
    expect(rejected.status).toBe(200);
    const later = await r.client.get("/api/v1/me/home", { unitId });
    expect((card(later.body, "registry.requests") as { items: { status: string }[] }).items[0]).toMatchObject(
      {
        status: "rejected",
      },
    );
    // Nothing about a request appears in plain words a plate could hide in.
    expect(JSON.stringify(later.body)).not.toContain("59X1");
  });

  it("shows another unit, of this building or another company, as unknown (404)", async () => {
    const unitId = await unitHere("H-05.01");
    const r = await newResident(env, admin, unitId, { fullName: "Vũ Hải", email: email("hai") });
    const neighbour = await unitHere("H-05.02");
    await notice(neighbour, "2026-01", 120_000);
    const elsewhere = await newUnit(env);
    await notice(elsewhere.unitId, "2026-01", 130_000, { at: elsewhere });
    for (const other of [neighbour, elsewhere.unitId]) {
      const res = await r.client.get("/api/v1/me/home", { unitId: other });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toMatch(/120000|130000/);
    }
    // Staff have no home: the units are not theirs.
    expect((await admin.get("/api/v1/me/home", { unitId })).status).toBe(404);
  });

  it("gives a resident of two units each unit's own cards", async () => {
    const first = await unitHere("H-06.01");
    const second = await unitHere("H-06.02");
    const address = email("tam");
    const r = await newResident(env, admin, first, { fullName: "Hồ Minh Tâm", email: address });
    const added = await admin.post(`/api/v1/units/${second}/household`, {
      role: "owner",
      fullName: "Hồ Minh Tâm",
      email: address,
    });
    expect(added.status).toBe(201);
    // The second home joins the same account, as accepting its invitation would.
    await env.db.ownerSql.query("update residents set account_id = $1 where id = $2", [
      r.accountId,
      added.body.resident.id,
    ]);
    await env.db.ownerSql.query(
      "update memberships set unit_ids = unit_ids || $1::uuid where account_id = $2 and company_id = $3",
      [second, r.accountId, companyId],
    );
    await notice(first, "2026-01", 111_000);
    await notice(second, "2026-01", 222_000);
    await notice(second, "2026-02", 3_000);
    const client = await signIn(env, { email: address, password: "Cu-dan-2026" });

    const one = await client.get("/api/v1/me/home", { unitId: first });
    const two = await client.get("/api/v1/me/home", { unitId: second });
    expect(one.body.unitCode).toBe("H-06.01");
    expect(card(one.body, "billing.amountDue")).toMatchObject({ due: 111_000, openCount: 1 });
    expect(two.body.unitCode).toBe("H-06.02");
    expect(card(two.body, "billing.amountDue")).toMatchObject({ due: 225_000, openCount: 2 });
  });
});
