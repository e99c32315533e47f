import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { bytesInHeapFile, readableIn } from "../../../../../test/helpers/readable.js";
import { newResident, type ResidentInput } from "../../../../../test/helpers/residents.js";
import { createLogger } from "../../../platform/log/logger.js";
import { runDueErasures } from "../requests/privacy.jobs.js";

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;
let care: Client;
const log = createLogger("silent");
const DAY = 24 * 3600_000;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId } = await newUnit(env, { code: "E-01.01" }));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  care = await signIn(env, await newMember(env, "customer_care", { companyId }));
});

const unitCalled = async (code: string) => (await newUnit(env, { companyId, buildingId, code })).unitId;

async function askErasure(unit: string, person: ResidentInput) {
  const r = await newResident(env, admin, unit, person);
  const made = await r.client.post("/api/v1/privacy/requests", { kind: "erasure" });
  expect(made.status).toBe(201);
  return { ...r, requestId: made.body.id as string };
}

const outcomeOf = async (requestId: string) =>
  (await care.get(`/api/v1/privacy/requests/${requestId}`)).body.outcome as {
    erased: string[];
    kept: { what: string; reason: string; until: string | null }[];
  };

/** The erasure job, run as it would be 5 days after the requests (their cancellation windows have passed). */
const runJob = () => runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));

async function notice(unit: string, billTo: string, number: string) {
  await env.db.transaction(companyId, (tx) =>
    tx.execute(sql`insert into invoices (company_id, building_id, unit_id, period, status, area_m2, bill_to,
      subtotal, total, paid, due_on, issued_at, number)
      values (${companyId}, ${buildingId}, ${unit}, '2026-10', 'issued', 70, ${billTo}, 500000, 500000, 0,
        '2026-10-15', now() - interval '40 days', ${number})`),
  );
}

describe("erasure outcome", () => {
  it("erases access and elevator card numbers and parking cards it lists as erased", async () => {
    const unit = await unitCalled("E-02.01");
    const r = await newResident(env, admin, unit, {
      fullName: "Đinh Công Tráng",
      email: "trang.dinh@example.vn",
    });
    for (const [kind, number] of [
      ["access", "AC-93017"],
      ["elevator", "EL-93018"],
    ]) {
      const issued = await admin.post(`/api/v1/units/${unit}/household/${r.memberId}/cards`, {
        kind,
        number,
      });
      expect(issued.status).toBe(201);
    }
    const car = await admin.post(`/api/v1/units/${unit}/vehicles`, {
      residentId: r.residentId,
      type: "motorbike",
      plate: "51-K2 777.88",
      parkingCard: "PK-55310",
    });
    expect(car.status).toBe(201);
    const made = await r.client.post("/api/v1/privacy/requests", { kind: "erasure" });
    await runJob();

    const outcome = await outcomeOf(made.body.id);
    expect(outcome.erased).toEqual(
      expect.arrayContaining(["Thẻ ra vào, thẻ thang máy", "Thẻ gửi xe", "Biển số xe", "Họ và tên", "Email"]),
    );
    for (const needle of ["AC-93017", "EL-93018", "PK-55310", "51K277788", "Đinh Công Tráng", "trang.dinh"]) {
      expect({ needle, tables: await readableIn(env, needle) }).toEqual({ needle, tables: [] });
    }
  });

  it("lists only what the person had and what was done: no cards, vehicles, birth date or ID it never held", async () => {
    const unit = await unitCalled("E-02.02");
    const r = await askErasure(unit, { fullName: "Mạc Thị Bưởi", email: "buoi.mac@example.vn" });
    await runJob();
    const outcome = await outcomeOf(r.requestId);
    expect(outcome.kept).toEqual([]);
    expect(outcome.erased).toEqual(expect.arrayContaining(["Họ và tên", "Email"]));
    for (const absent of [
      "Thẻ ra vào, thẻ thang máy",
      "Thẻ gửi xe",
      "Biển số xe",
      "Ngày sinh",
      "Số CCCD/hộ chiếu",
      "Số điện thoại",
      "Quốc tịch",
    ]) {
      expect(outcome.erased).not.toContain(absent);
    }
  });
});

describe("erasure holds", () => {
  it("an unpaid notice holds the person billed and the owner, not a member billed nothing", async () => {
    const unit = await unitCalled("E-03.01");
    const owner = await askErasure(unit, { fullName: "Phan Văn Khải", email: "khai.phan@example.vn" });
    const tenant = await askErasure(unit, {
      fullName: "Lê Thị Thuê",
      email: "thue.le@example.vn",
      role: "tenant",
      leaseEndsOn: "2027-12-31",
    } as ResidentInput);
    const member = await askErasure(unit, {
      fullName: "Phan Minh Nhí",
      email: "nhi.phan@example.vn",
      phone: "0977000111",
      role: "member",
    });
    await notice(unit, "Lê Thị Thuê", "2026/E-0301");
    await runJob();

    // The member is neither billed nor an owner: erased at once.
    const m = await outcomeOf(member.requestId);
    expect(m.kept).toEqual([]);
    expect(await readableIn(env, "nhi.phan")).toEqual([]);
    expect(await readableIn(env, "0977000111")).toEqual([]);
    // The tenant is the one billed; the owner answers for the unit's fees. Each hold names the notice and why
    // it concerns that person.
    const t = await outcomeOf(tenant.requestId);
    expect(t.kept).toHaveLength(2);
    expect(t.kept[0]?.reason).toContain("2026/E-0301");
    expect(t.kept[0]?.reason).toMatch(/lập cho bạn/);
    const o = await outcomeOf(owner.requestId);
    expect(o.kept).toHaveLength(1);
    expect(o.kept[0]?.reason).toContain("2026/E-0301");
    expect(o.kept[0]?.reason).toMatch(/chủ hộ/);
    expect(await readableIn(env, "khai.phan")).not.toEqual([]);
    expect(await readableIn(env, "thue.le")).not.toEqual([]);
  });
});

describe("crypto-shredding on disk", () => {
  it("leaves neither the erased name nor the destroyed data key in the tables' files", async () => {
    const unit = await unitCalled("E-04.01");
    const r = await askErasure(unit, { fullName: "Tạ Quang Bửu Erasedname", email: "buu.ta@example.vn" });
    const issued = await admin.post(`/api/v1/units/${unit}/household/${r.memberId}/cards`, {
      kind: "access",
      number: "AC-DISK-4242",
    });
    expect(issued.status).toBe(201);
    const { rows } = await env.db.ownerSql.query<{ k: Uint8Array }>(
      "select data_key as k from residents where id = $1",
      [r.residentId],
    );
    const wrappedKey = Buffer.from(rows[0]?.k ?? []);
    expect(wrappedKey.length).toBeGreaterThan(0);
    const name = Buffer.from("Tạ Quang Bửu Erasedname");
    expect(await bytesInHeapFile(env, "residents", name)).toBe(true);
    await runJob();
    expect(await readableIn(env, "Erasedname")).toEqual([]);
    expect(await bytesInHeapFile(env, "residents", name)).toBe(false);
    expect(await bytesInHeapFile(env, "residents", wrappedKey)).toBe(false);
    expect(await bytesInHeapFile(env, "access_cards", Buffer.from("AC-DISK-4242"))).toBe(false);
  });
});
