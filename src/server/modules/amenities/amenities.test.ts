import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { issueReviewed } from "../../../../test/helpers/issue.js";
import { newResident } from "../../../../test/helpers/residents.js";

/*
 * Amenities through HTTP: a manager sets one up; a household books a slot, which is then taken for others; 20
 * requests at once for the last place give one booking (the database's unique index, not a read before the
 * write); a cancellation moves the waitlist up; the fee and deposit are lines of the unit's fee notice and the
 * deposit's refund a credit on the next one; reception checks the booking in with its code; a closure cancels
 * what it covers. Another company gets 404 on all of it.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let otherUnitId: string;
let manager: Client;
let admin: Client;
let care: Client;
let owner: Awaited<ReturnType<typeof newResident>>;
let ownerEmail: string;
let neighbour: Awaited<ReturnType<typeof newResident>>;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
let nextDay = 1;

/** A Vietnamese date some days from today, each test its own (YYYY-MM-DD). */
const vnDay = (days: number) => new Date(Date.now() + 7 * HOUR + days * DAY).toISOString().slice(0, 10);
/** 18:00 in Vietnam on that date, as an instant (11:00 UTC). */
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`).toISOString();

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await env.db.owner.execute(query)) as unknown as { rows: T[] }).rows;
}

async function newAmenity(body: Record<string, unknown> = {}) {
  const res = await manager.post("/api/v1/amenities", {
    buildingId,
    name: "Khu BBQ",
    kind: "bbq",
    opensAt: "09:00",
    closesAt: "21:00",
    slotMinutes: 180,
    fee: 200_000,
    deposit: 500_000,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const book = (client: Client, amenityId: string, startsAt: string, body: Record<string, unknown> = {}) =>
  client.post("/api/v1/bookings", { amenityId, unitId, startsAt, ...body });

beforeAll(async () => {
  env = await startTestApp({ jobs: true, signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "T-05.01" }));
  ({ unitId: otherUnitId } = await newUnit(env, { companyId, buildingId, code: "T-05.02" }));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  care = await signIn(env, await newMember(env, "customer_care", { companyId }));
  ownerEmail = `chu.${Date.now()}@example.vn`;
  owner = await newResident(env, admin, unitId, { fullName: "Đoàn Văn Chủ", email: ownerEmail });
  neighbour = await newResident(env, admin, otherUnitId, {
    fullName: "Hà Thị Bên",
    email: `ben.${Date.now()}@example.vn`,
  });
});

describe("amenities", () => {
  it("are set up by a manager and seen by the building's residents; the hours must hold a slot", async () => {
    const bad = await manager.post("/api/v1/amenities", {
      buildingId,
      name: "Sân tennis",
      kind: "tennis",
      opensAt: "21:00",
      closesAt: "21:30",
      slotMinutes: 60,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toMatchObject({ closesAt: expect.any(String) });
    const pool = await newAmenity({
      name: "Bể bơi",
      kind: "pool",
      slotMinutes: 60,
      slotCapacity: 20,
      fee: 0,
      deposit: 0,
    });
    expect(
      (await owner.client.get("/api/v1/amenities")).body.items.map((a: { id: string }) => a.id),
    ).toContain(pool.id);
    expect(
      (await owner.client.get("/api/v1/amenities", { unitId })).body.items.map((a: { id: string }) => a.id),
    ).toContain(pool.id);
    const elsewhere = await newUnit(env, { companyId });
    expect((await owner.client.get("/api/v1/amenities", { unitId: elsewhere.unitId })).status).toBe(404);
    expect((await owner.client.post("/api/v1/amenities", { buildingId })).status).toBe(403);
    const off = await manager.patch(`/api/v1/amenities/${pool.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect(
      (await owner.client.get("/api/v1/amenities")).body.items.map((a: { id: string }) => a.id),
    ).not.toContain(pool.id);
    const refused = await book(owner.client, pool.id, at(vnDay(1), "10:00"));
    expect(refused.body.error.code).toBe("AMENITY_INACTIVE");
  });

  it("takes a booking on a slot, which is then full for another household", async () => {
    const bbq = await newAmenity({ monthlyLimit: 5 });
    const day = vnDay(nextDay++);
    const made = await book(owner.client, bbq.id, at(day, "18:00"), { guests: 8, note: "Sinh nhật" });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      status: "booked",
      fee: 200_000,
      deposit: 500_000,
      depositStatus: "held",
    });
    expect(made.body.code).toMatch(/^[A-Z2-9]{8}$/);
    // 09:00, 12:00, 15:00, 18:00: the last is the household's, full for the neighbour.
    const mine = (await owner.client.get(`/api/v1/amenities/${bbq.id}/slots`, { date: day })).body.items;
    expect(mine.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ["09:00", "12:00", "15:00", "18:00"].map((h) => at(day, h)),
    );
    expect(mine[3]).toMatchObject({ free: 0, state: "full", mine: "booked" });
    const theirs = (await neighbour.client.get(`/api/v1/amenities/${bbq.id}/slots`, { date: day })).body
      .items;
    expect(theirs[3]).toMatchObject({ free: 0, state: "full", mine: null });
    const full = await neighbour.client.post("/api/v1/bookings", {
      amenityId: bbq.id,
      unitId: otherUnitId,
      startsAt: at(day, "18:00"),
    });
    expect(full.status).toBe(422);
    expect(full.body.error.code).toBe("SLOT_FULL");
    // Not a slot's start, past, beyond the horizon, twice.
    expect((await book(owner.client, bbq.id, at(day, "17:00"))).body.error.details.fields).toMatchObject({
      startsAt: expect.any(String),
    });
    expect((await book(owner.client, bbq.id, at(vnDay(-1), "18:00"))).body.error.code).toBe("SLOT_PAST");
    expect((await book(owner.client, bbq.id, at(vnDay(20), "18:00"))).body.error.code).toBe("SLOT_TOO_FAR");
    expect((await book(owner.client, bbq.id, at(day, "18:00"), { waitlist: true })).body.error.code).toBe(
      "BOOKING_TWICE",
    );
    // A unit of another household is not the resident's to book for.
    const notMine = await owner.client.post("/api/v1/bookings", {
      amenityId: bbq.id,
      unitId: otherUnitId,
      startsAt: at(day, "15:00"),
    });
    expect(notMine.status).toBe(403);
  });

  it("keeps to the monthly limit per unit and to who of the household may book", async () => {
    const hall = await newAmenity({
      name: "Phòng sinh hoạt",
      kind: "hall",
      monthlyLimit: 1,
      bookers: "owners",
    });
    // Two slots of the same month: the day after tomorrow and the day after (both inside 14 days).
    const first = vnDay(2);
    const second = vnDay(3);
    const sameMonth = first.slice(0, 7) === second.slice(0, 7);
    expect((await book(owner.client, hall.id, at(first, "09:00"))).status).toBe(201);
    const again = await book(owner.client, hall.id, at(second, "09:00"));
    if (sameMonth) expect(again.body.error.code).toBe("BOOKING_LIMIT");
    else expect(again.status).toBe(201);
    const child = await newResident(env, admin, unitId, {
      fullName: "Đoàn Văn Con",
      email: `con.${Date.now()}@example.vn`,
      role: "member",
    });
    const refused = await book(child.client, hall.id, at(vnDay(4), "13:00"));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: "BOOKING_WHO",
      message: "Chỉ chủ hộ của căn hộ được đặt tiện ích này.",
    });
  });

  it("gives the last place to one of 20 requests arriving at once, and 3 places to 3 of 20", async () => {
    // One owner of 20 units of the building: 20 requests that no lock of a unit serialises.
    const units = [unitId];
    for (let i = 0; i < 19; i++)
      units.push(
        (await newUnit(env, { companyId, buildingId, code: `T-09.${String(i).padStart(2, "0")}` })).unitId,
      );
    await rows(sql`insert into household_members (company_id, unit_id, resident_id, role)
                   select ${companyId}, u, ${owner.residentId}, 'owner' from unnest(${`{${units.slice(1).join(",")}}`}::uuid[]) u`);
    await rows(sql`update memberships set unit_ids = ${`{${units.join(",")}}`}::uuid[]
                    where company_id = ${companyId} and account_id = ${owner.accountId} and role = 'resident'`);
    // Signed in again: a session carries the units its person had when it began.
    const ofAll = await signIn(env, { email: ownerEmail, password: "Cu-dan-2026" });
    for (const capacity of [1, 3]) {
      const amenity = await newAmenity({
        name: `Sân ${capacity}`,
        kind: "tennis",
        slotMinutes: 60,
        slotCapacity: capacity,
      });
      const startsAt = at(vnDay(5), "10:00");
      const answers = await Promise.all(
        units.map((u) => ofAll.post("/api/v1/bookings", { amenityId: amenity.id, unitId: u, startsAt })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(capacity);
      expect(statuses.filter((s) => s === 422)).toHaveLength(20 - capacity);
      for (const a of answers.filter((x) => x.status === 422)) expect(a.body.error.code).toBe("SLOT_FULL");
      const held = await rows<{ n: number; seats: number }>(
        sql`select count(*)::int as n, count(distinct seat)::int as seats from bookings
             where company_id = ${companyId} and amenity_id = ${amenity.id} and status = 'booked'`,
      );
      expect(held[0]).toEqual({ n: capacity, seats: capacity });
    }
  });

  it("moves the waitlist up when a booking is cancelled, and charges and tells the household promoted", async () => {
    const bbq = await newAmenity();
    const startsAt = at(vnDay(nextDay++), "12:00");
    const first = await book(owner.client, bbq.id, startsAt);
    expect(first.status).toBe(201);
    const waiting = await neighbour.client.post("/api/v1/bookings", {
      amenityId: bbq.id,
      unitId: otherUnitId,
      startsAt,
      waitlist: true,
    });
    expect(waiting.status).toBe(201);
    expect(waiting.body).toMatchObject({ status: "waiting", fee: 0, deposit: 0, depositStatus: null });
    const slots = (
      await owner.client.get(`/api/v1/amenities/${bbq.id}/slots`, { date: startsAt.slice(0, 10) })
    ).body;
    expect(slots.items.find((s: { startsAt: string }) => s.startsAt === startsAt)).toMatchObject({
      waiting: 1,
    });

    const cancelled = await owner.client.post(`/api/v1/bookings/${first.body.id}/cancel`, {});
    expect(cancelled.body).toMatchObject({ status: "cancelled", depositStatus: "refunded" });
    const theirs = (await neighbour.client.get("/api/v1/me/bookings")).body.items.find(
      (b: { id: string }) => b.id === waiting.body.id,
    );
    expect(theirs).toMatchObject({ status: "booked", fee: 200_000, deposit: 500_000, depositStatus: "held" });
    const bell = await neighbour.client.get("/api/v1/notifications");
    expect(bell.body.items[0]).toMatchObject({ kind: "booking", title: "Bạn đã có chỗ: Khu BBQ" });
    // The owner's charges were withdrawn before any notice: cancelled, not credited.
    const charges = await rows<{ kind: string; amount: number; cancelled: boolean }>(
      sql`select kind, amount::int, cancelled_at is not null as cancelled from unit_charges
           where company_id = ${companyId} and source_id = ${first.body.id} order by kind`,
    );
    expect(charges).toEqual([
      { kind: "amenity_fee", amount: 200_000, cancelled: true },
      { kind: "deposit", amount: 500_000, cancelled: true },
    ]);
  });

  it("bills the fee and deposit on the unit's notice, and refunds the deposit on the next", async () => {
    const bbq = await newAmenity({ name: "BBQ sân thượng" });
    const day = vnDay(nextDay++);
    const period = day.slice(0, 7);
    const made = await neighbour.client.post("/api/v1/bookings", {
      amenityId: bbq.id,
      unitId: otherUnitId,
      startsAt: at(day, "09:00"),
    });
    expect(made.status).toBe(201);
    const label = `09:00 ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

    const bill = async (month: string) => {
      const run = await admin.post("/api/v1/billing-runs", { buildingId, period: month });
      expect(run.status).toBe(202);
      await expect
        .poll(async () => (await admin.get(`/api/v1/billing-runs/${run.body.id}`)).body.status, {
          timeout: 30_000,
        })
        .toBe("done");
      expect((await issueReviewed(admin, buildingId, month)).status).toBe(200);
      const notice = (await neighbour.client.get("/api/v1/invoices", { period: month })).body.items[0];
      return (await neighbour.client.get(`/api/v1/invoices/${notice.id}`)).body;
    };
    const notice = await bill(period);
    const lines = notice.lines.map((l: { description: string; amount: number }) => [l.description, l.amount]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [`Phí BBQ sân thượng ${label}`, 200_000],
        [`Tiền cọc BBQ sân thượng ${label}`, 500_000],
      ]),
    );

    // Too early to settle; once the slot is over, the manager refunds it.
    const early = await manager.post(`/api/v1/bookings/${made.body.id}/deposit`, { outcome: "refund" });
    expect(early.body.error.code).toBe("DEPOSIT_TOO_EARLY");
    await rows(sql`update bookings set starts_at = starts_at - interval '40 days', ends_at = ends_at - interval '40 days'
                    where company_id = ${companyId} and id = ${made.body.id}`);
    expect((await care.post(`/api/v1/bookings/${made.body.id}/deposit`, { outcome: "refund" })).status).toBe(
      403,
    );
    const refunded = await manager.post(`/api/v1/bookings/${made.body.id}/deposit`, { outcome: "refund" });
    expect(refunded.body).toMatchObject({ depositStatus: "refunded" });
    expect(
      (await manager.post(`/api/v1/bookings/${made.body.id}/deposit`, { outcome: "refund" })).body.error.code,
    ).toBe("DEPOSIT_NOT_HELD");
    const [y, m] = period.split("-").map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    const following = await bill(next);
    expect(
      following.lines.map((l: { description: string; amount: number }) => [l.description, l.amount]),
    ).toEqual(expect.arrayContaining([[`Hoàn tiền cọc BBQ sân thượng ${label}`, -500_000]]));
    const bell = await neighbour.client.get("/api/v1/notifications");
    expect(bell.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "booking", title: "Tiền cọc BBQ sân thượng được hoàn lại" }),
      ]),
    );
  });

  it("keeps a deposit only with a reason", async () => {
    const bbq = await newAmenity({ name: "BBQ góc vườn" });
    const made = await book(owner.client, bbq.id, at(vnDay(nextDay++), "15:00"));
    await rows(sql`update bookings set starts_at = starts_at - interval '40 days', ends_at = ends_at - interval '40 days'
                    where company_id = ${companyId} and id = ${made.body.id}`);
    expect((await manager.post(`/api/v1/bookings/${made.body.id}/deposit`, { outcome: "keep" })).status).toBe(
      400,
    );
    const kept = await manager.post(`/api/v1/bookings/${made.body.id}/deposit`, {
      outcome: "keep",
      reason: "Vỉ nướng bị hỏng",
    });
    expect(kept.body).toMatchObject({ depositStatus: "kept", depositNote: "Vỉ nướng bị hỏng" });
  });

  it("is checked in at reception with its code, once, near its time", async () => {
    const gym = await newAmenity({
      name: "Phòng gym",
      kind: "gym",
      fee: 0,
      deposit: 0,
      slotMinutes: 60,
      slotCapacity: 10,
    });
    const made = await book(owner.client, gym.id, at(vnDay(nextDay++), "10:00"));
    const found = await care.get("/api/v1/reception/lookup", { code: made.body.code.toLowerCase() });
    expect(found.body).toMatchObject({ kind: "booking", booking: { id: made.body.id, unitCode: "T-05.01" } });
    const tooSoon = await care.post(`/api/v1/bookings/${made.body.id}/check-in`);
    expect(tooSoon.body.error.code).toBe("BOOKING_CHECK_IN_TIME");
    await rows(sql`update bookings set starts_at = now() + interval '10 minutes', ends_at = now() + interval '70 minutes'
                    where company_id = ${companyId} and id = ${made.body.id}`);
    expect((await owner.client.post(`/api/v1/bookings/${made.body.id}/check-in`)).status).toBe(403);
    const inside = await care.post(`/api/v1/bookings/${made.body.id}/check-in`);
    expect(inside.body).toMatchObject({ status: "checked_in" });
    expect((await care.post(`/api/v1/bookings/${made.body.id}/check-in`)).body.error.code).toBe(
      "BOOKING_NOT_LIVE",
    );
  });

  it("cancels what a closure covers, tells the households, and refuses bookings in it", async () => {
    const bbq = await newAmenity({ name: "BBQ bảo trì" });
    const day = vnDay(nextDay++);
    const made = await book(owner.client, bbq.id, at(day, "12:00"));
    const closed = await manager.post(`/api/v1/amenities/${bbq.id}/closures`, {
      from: at(day, "00:00"),
      until: at(day, "23:59"),
      reason: "Bảo trì bếp nướng",
    });
    expect(closed.status).toBe(201);
    expect(closed.body.cancelledBookings).toBe(1);
    const mine = (await owner.client.get("/api/v1/me/bookings")).body.items.find(
      (b: { id: string }) => b.id === made.body.id,
    );
    expect(mine).toMatchObject({ status: "cancelled", cancelReason: "Bảo trì bếp nướng" });
    const bell = await owner.client.get("/api/v1/notifications");
    expect(bell.body.items[0].title).toContain("BBQ bảo trì");
    const slots = (await owner.client.get(`/api/v1/amenities/${bbq.id}/slots`, { date: day })).body.items;
    expect(slots.every((s: { state: string }) => s.state === "closed")).toBe(true);
    expect((await book(owner.client, bbq.id, at(day, "15:00"))).body.error).toMatchObject({
      code: "AMENITY_CLOSED",
      message: "Tiện ích tạm đóng vào khung giờ này: Bảo trì bếp nướng",
    });
    expect((await manager.delete(`/api/v1/amenities/${bbq.id}/closures/${closed.body.id}`)).status).toBe(204);
    expect((await book(owner.client, bbq.id, at(day, "15:00"))).status).toBe(201);
  });

  it("shows the person's bookings in their data", async () => {
    const data = (await owner.client.get("/api/v1/my/data")).body;
    expect(data.bookings).toEqual(
      expect.arrayContaining([expect.objectContaining({ amenity: "Khu BBQ", note: "Sinh nhật", guests: 8 })]),
    );
  });

  it("is unknown to another company (404 on every amenity and booking route)", async () => {
    const bbq = await newAmenity({ name: "BBQ riêng" });
    const made = await book(owner.client, bbq.id, at(vnDay(nextDay++), "09:00"));
    const stranger = await signIn(env, await newMember(env, "company_admin"));
    const answers = await Promise.all([
      stranger.get(`/api/v1/amenities/${bbq.id}`),
      stranger.patch(`/api/v1/amenities/${bbq.id}`, { name: "Của tôi" }),
      stranger.get(`/api/v1/amenities/${bbq.id}/slots`, { date: vnDay(1) }),
      stranger.get(`/api/v1/amenities/${bbq.id}/closures`),
      stranger.post(`/api/v1/amenities/${bbq.id}/closures`, {
        from: at(vnDay(1), "00:00"),
        until: at(vnDay(1), "23:00"),
        reason: "Không phải của tôi",
      }),
      stranger.post(`/api/v1/bookings/${made.body.id}/cancel`, {}),
      stranger.post(`/api/v1/bookings/${made.body.id}/check-in`),
      stranger.post(`/api/v1/bookings/${made.body.id}/deposit`, { outcome: "refund" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect((await stranger.get("/api/v1/reception/lookup", { code: made.body.code })).status).toBe(404);
    expect((await stranger.get("/api/v1/bookings")).body.items).toEqual([]);
  });
});
