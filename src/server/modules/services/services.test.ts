import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { uploadFile } from "../../../../test/helpers/files.js";
import { squarePng } from "../../../../test/helpers/png.js";
import { newResident } from "../../../../test/helpers/residents.js";

/*
 * Building services and renovations through HTTP: a manager keeps the catalogue; a household asks for cleaning
 * (approved at once), the desk schedules it and marks it done, and its fee is a line of the unit's fee notice;
 * an access card waits for a manager, who refuses it with a reason; moving holds the service elevator's window
 * for one household, whatever arrives at once; a renovation is registered with its drawing, approved with a
 * deposit on the fee notice, and inspected at the end with part of the deposit kept. Another company gets 404.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let manager: Client;
let admin: Client;
let care: Client;
let owner: Awaited<ReturnType<typeof newResident>>;
let stamp = 0;

/** A Vietnamese date some days from today (YYYY-MM-DD). */
const vnDay = (days: number) => new Date(Date.now() + (7 + 24 * days) * 3600_000).toISOString().slice(0, 10);

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await env.db.owner.execute(query)) as unknown as { rows: T[] }).rows;
}

async function newService(body: Record<string, unknown>) {
  const res = await manager.post("/api/v1/services", { buildingId, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

/** A household of its own unit in the building, signed in. */
async function household(code: string) {
  const { unitId: id } = await newUnit(env, { companyId, buildingId, code });
  const person = await newResident(env, admin, id, {
    fullName: "Trịnh Văn Chuyển",
    email: `chuyen.${++stamp}.${Date.now()}@example.vn`,
  });
  return { unitId: id, client: person.client };
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "S-07.01" }));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  care = await signIn(env, await newMember(env, "customer_care", { companyId }));
  owner = await newResident(env, admin, unitId, {
    fullName: "Đặng Thị Dịch",
    email: `dich.${Date.now()}@example.vn`,
  });
});

describe("building services", () => {
  it("asks, schedules and does a cleaning; its fee goes on the unit's fee notice", async () => {
    const cleaning = await newService({
      kind: "cleaning",
      name: "Vệ sinh căn hộ",
      fee: 350_000,
      needsApproval: false,
    });
    const listed = await owner.client.get("/api/v1/services", { unitId });
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(cleaning.id);
    expect(
      (await owner.client.post("/api/v1/services", { buildingId, kind: "other", name: "Của tôi" })).status,
    ).toBe(403);

    const past = await owner.client.post("/api/v1/service-requests", {
      serviceId: cleaning.id,
      unitId,
      preferredOn: vnDay(-2),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields).toMatchObject({ preferredOn: expect.any(String) });
    const asked = await owner.client.post("/api/v1/service-requests", {
      serviceId: cleaning.id,
      unitId,
      preferredOn: vnDay(3),
      note: "Lau kính ban công",
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ status: "approved", fee: 350_000, unitCode: "S-07.01" });
    const id = asked.body.id as string;
    expect(
      (await owner.client.post(`/api/v1/service-requests/${id}/schedule`, { on: vnDay(4) })).status,
    ).toBe(403);
    const scheduled = await care.post(`/api/v1/service-requests/${id}/schedule`, { on: vnDay(4) });
    expect(scheduled.body).toMatchObject({ status: "scheduled", scheduledOn: vnDay(4) });
    // Scheduled: the household can no longer withdraw it alone.
    expect((await owner.client.post(`/api/v1/service-requests/${id}/cancel`, {})).status).toBe(403);
    const done = await care.post(`/api/v1/service-requests/${id}/complete`);
    expect(done.body.status).toBe("done");
    const charges = await rows<{ kind: string; amount: number }>(
      sql`select kind, amount::int from unit_charges where company_id = ${companyId} and source_id = ${id}`,
    );
    expect(charges).toEqual([{ kind: "service_fee", amount: 350_000 }]);
    const inbox = await owner.client.get("/api/v1/notifications", { page: 1, pageSize: 10 });
    expect(JSON.stringify(inbox.body)).toContain("Vệ sinh căn hộ");
    expect((await owner.client.get("/api/v1/service-requests")).body.items[0]).toMatchObject({
      id,
      status: "done",
    });
  });

  it("waits for a manager where the service asks, who may refuse it with a reason", async () => {
    const card = await newService({ kind: "access_card", name: "Thẻ thang máy", fee: 100_000 });
    const asked = await owner.client.post("/api/v1/service-requests", {
      serviceId: card.id,
      unitId,
      preferredOn: vnDay(1),
    });
    expect(asked.body.status).toBe("requested");
    const id = asked.body.id as string;
    expect((await care.post(`/api/v1/service-requests/${id}/decide`, { approve: true })).status).toBe(403);
    const noReason = await manager.post(`/api/v1/service-requests/${id}/decide`, { approve: false });
    expect(noReason.status).toBe(400);
    const refused = await manager.post(`/api/v1/service-requests/${id}/decide`, {
      approve: false,
      reason: "Căn hộ đã có đủ 4 thẻ",
    });
    expect(refused.body).toMatchObject({ status: "rejected", reason: "Căn hộ đã có đủ 4 thẻ" });
    expect((await care.post(`/api/v1/service-requests/${id}/schedule`, { on: vnDay(2) })).status).toBe(403);
  });

  it("gives the service elevator's window to one household, whatever arrives at once", async () => {
    const moving = await newService({ kind: "moving", name: "Chuyển đồ", fee: 0 });
    const noWindow = await owner.client.post("/api/v1/service-requests", {
      serviceId: moving.id,
      unitId,
      preferredOn: vnDay(5),
    });
    expect(noWindow.status).toBe(400);
    expect(noWindow.body.error.details.fields).toMatchObject({ window: expect.any(String) });
    const households = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => household(`S-08.0${n}`)));
    const ids: string[] = [];
    for (const h of households) {
      const asked = await h.client.post("/api/v1/service-requests", {
        serviceId: moving.id,
        unitId: h.unitId,
        preferredOn: vnDay(6),
        window: "morning",
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      await manager.post(`/api/v1/service-requests/${asked.body.id}/decide`, { approve: true });
      ids.push(asked.body.id);
    }
    const answers = await Promise.all(
      ids.map((id) =>
        manager.post(`/api/v1/service-requests/${id}/schedule`, { on: vnDay(6), window: "morning" }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422, 422, 422, 422]);
    expect(answers.filter((a) => a.status === 422).every((a) => a.body.error.code === "ELEVATOR_TAKEN")).toBe(
      true,
    );
    // The afternoon of that day is still free.
    const other = ids[answers.findIndex((a) => a.status === 422)] as string;
    const afternoon = await manager.post(`/api/v1/service-requests/${other}/schedule`, {
      on: vnDay(6),
      window: "afternoon",
    });
    expect(afternoon.body).toMatchObject({ status: "scheduled", scheduledWindow: "afternoon" });
  });
});

describe("renovations", () => {
  it("are registered with a drawing, approved with a deposit, and inspected with part of it kept", async () => {
    const drawing = await uploadFile(
      owner.client,
      "renovation",
      "ban-ve.png",
      squarePng(60, 40, [10, 120, 60]),
    );
    expect(drawing.status, JSON.stringify(drawing.body)).toBe(201);
    const body = {
      unitId,
      contractor: "Nội thất Minh Phát",
      contractorPhone: "0903 456 789",
      workers: 4,
      startsOn: vnDay(7),
      endsOn: vnDay(20),
      description: "Thay sàn gỗ phòng khách, sơn lại tường.",
      documents: [drawing.body.id],
    };
    const backwards = await owner.client.post("/api/v1/renovations", { ...body, endsOn: vnDay(6) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.fields).toMatchObject({ endsOn: expect.any(String) });
    const badPhone = await owner.client.post("/api/v1/renovations", { ...body, contractorPhone: "12345" });
    expect(badPhone.body.error.details.fields).toMatchObject({ contractorPhone: expect.any(String) });
    const made = await owner.client.post("/api/v1/renovations", body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ status: "requested", documents: [{ name: "ban-ve.png" }] });
    const id = made.body.id as string;
    const file = `/api/v1/renovations/${id}/files/${drawing.body.id}`;
    expect((await manager.get(file)).status).toBe(200);
    expect((await owner.client.get(file)).headers["content-type"]).toBe("image/jpeg");

    const approved = await manager.post(`/api/v1/renovations/${id}/decide`, {
      approve: true,
      deposit: 5_000_000,
    });
    expect(approved.body).toMatchObject({ status: "approved", deposit: 5_000_000 });
    expect((await owner.client.post(`/api/v1/renovations/${id}/cancel`, {})).status).toBe(403);
    const noReason = await manager.post(`/api/v1/renovations/${id}/complete`, {
      note: "Đã kiểm tra",
      deducted: 1_000_000,
    });
    expect(noReason.body.error.details.fields).toMatchObject({ reason: expect.any(String) });
    const tooMuch = await manager.post(`/api/v1/renovations/${id}/complete`, {
      note: "Đã kiểm tra",
      deducted: 6_000_000,
      reason: "Hỏng cửa",
    });
    expect(tooMuch.status).toBe(400);
    const inspected = await manager.post(`/api/v1/renovations/${id}/complete`, {
      note: "Sàn hành lang trầy xước trước cửa căn hộ",
      deducted: 1_000_000,
      reason: "Sửa sàn hành lang",
    });
    expect(inspected.body).toMatchObject({
      status: "completed",
      deducted: 1_000_000,
      reason: "Sửa sàn hành lang",
    });
    // The deposit's charge was on no issued notice yet: cancelled; what is kept is a line of its own.
    const charges = await rows<{ kind: string; amount: number; cancelled: boolean }>(
      sql`select kind, amount::int, cancelled_at is not null as cancelled from unit_charges
           where company_id = ${companyId} and source_id = ${id} order by amount desc`,
    );
    expect(charges).toEqual([
      { kind: "deposit", amount: 5_000_000, cancelled: true },
      { kind: "service_fee", amount: 1_000_000, cancelled: false },
    ]);
    const inbox = await owner.client.get("/api/v1/notifications", { page: 1, pageSize: 10 });
    expect(JSON.stringify(inbox.body)).toContain("Sửa sàn hành lang");

    const mine = await owner.client.get("/api/v1/my/data");
    expect(mine.body.renovations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contractor: "Nội thất Minh Phát", contractorPhone: "0903 456 789" }),
      ]),
    );
    expect(mine.body.serviceRequests.length).toBeGreaterThan(0);
  });

  it("is another company's business: 404 on every service, request and renovation", async () => {
    const cleaning = await newService({ kind: "cleaning", name: "Dọn nhà", needsApproval: false });
    const asked = await owner.client.post("/api/v1/service-requests", {
      serviceId: cleaning.id,
      unitId,
      preferredOn: vnDay(2),
    });
    const made = await owner.client.post("/api/v1/renovations", {
      unitId,
      contractor: "Thợ Hòa",
      contractorPhone: "0912 000 111",
      workers: 1,
      startsOn: vnDay(3),
      endsOn: vnDay(4),
      description: "Sửa vòi nước nhà tắm.",
    });
    const { companyId: otherCompany } = await newUnit(env);
    const stranger = await signIn(env, await newMember(env, "company_admin", { companyId: otherCompany }));
    for (const [method, path, body] of [
      ["PATCH", `/api/v1/services/${cleaning.id}`, { name: "Của tôi" }],
      ["GET", `/api/v1/service-requests/${asked.body.id}`],
      ["POST", `/api/v1/service-requests/${asked.body.id}/schedule`, { on: vnDay(5) }],
      ["POST", `/api/v1/service-requests/${asked.body.id}/cancel`, {}],
      ["GET", `/api/v1/renovations/${made.body.id}`],
      ["POST", `/api/v1/renovations/${made.body.id}/decide`, { approve: true }],
    ] as const) {
      const res = await stranger.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await stranger.get("/api/v1/service-requests")).body.items).toEqual([]);
  });
});
