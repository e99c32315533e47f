import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { createLogger } from "../../platform/log/logger.js";
import { runDueErasures } from "../privacy/requests/privacy.jobs.js";

/*
 * Conversations through HTTP: a resident writes about their unit, the management's shared inbox answers; each
 * side sees only what it should (the resident sees "the management", not who; a manager only their buildings'
 * threads; another company nothing), and the response times are measured from the first answer.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let care: Client;
let careId: string;
let resident: Awaited<ReturnType<typeof newResident>>;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "C-05.02" }));
  const admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  resident = await newResident(env, admin, unitId, {
    fullName: "Đặng Thu Hà",
    email: `ha.${Date.now()}@example.vn`,
  });
  const carePerson = await newMember(env, "customer_care", { companyId, name: "Lý Chăm Sóc" });
  careId = carePerson.accountId;
  care = await signIn(env, carePerson);
});

const open = (topic: string, message: string, unit = unitId) =>
  resident.client.post("/api/v1/me/conversations", { unitId: unit, topic, message });

describe("a conversation", () => {
  it("opens from the resident, waits in the inbox, and the answer reaches the resident's bell", async () => {
    const opened = await open("Nước yếu ở tầng 5", "Từ sáng nay vòi nước rất yếu.");
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: "open", unitCode: "C-05.02", topic: "Nước yếu ở tầng 5" });
    expect(opened.body.messages).toEqual([
      expect.objectContaining({ body: "Từ sáng nay vòi nước rất yếu.", fromStaff: false }),
    ]);

    const inbox = await care.get("/api/v1/conversations", { status: "open" });
    const line = inbox.body.items.find((c: { id: string }) => c.id === opened.body.id);
    expect(line).toMatchObject({
      residentName: "Đặng Thu Hà",
      lastMessage: "Từ sáng nay vòi nước rất yếu.",
      assignedTo: null,
    });
    const work = await care.get("/api/v1/console/work");
    expect(JSON.stringify(work.body)).toContain("conversations.waiting");

    const answered = await care.post(`/api/v1/conversations/${opened.body.id}/messages`, {
      body: "Kỹ thuật sẽ lên kiểm tra lúc 10 giờ.",
    });
    expect(answered.status).toBe(201);
    // Whoever answers first takes it; the first answer starts the response time.
    expect(answered.body).toMatchObject({
      status: "answered",
      assignedTo: { id: careId, name: "Lý Chăm Sóc" },
    });
    expect(answered.body.firstResponseAt).not.toBeNull();

    const seen = await resident.client.get(`/api/v1/conversations/${opened.body.id}`);
    expect(seen.body.messages.map((m: { author: string; body: string }) => [m.author, m.body])).toEqual([
      ["Đặng Thu Hà", "Từ sáng nay vòi nước rất yếu."],
      ["Ban quản lý", "Kỹ thuật sẽ lên kiểm tra lúc 10 giờ."],
    ]);
    // The bell counted the answer until the thread was read (above).
    const bell = await resident.client.get("/api/v1/notifications");
    expect(bell.body.items[0]).toMatchObject({
      kind: "conversation",
      title: "Ban quản lý đã trả lời: Nước yếu ở tầng 5",
      link: `/app/messages/${opened.body.id}`,
    });
    expect(bell.body.items[0].readAt).not.toBeNull();

    // The resident writes again: it waits for the management once more.
    const again = await resident.client.post(`/api/v1/conversations/${opened.body.id}/messages`, {
      body: "Cảm ơn.",
    });
    expect(again.body.status).toBe("open");
    const mine = await resident.client.get("/api/v1/me/conversations");
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(opened.body.id);
  });

  it("is closed and reopened by the management, assigned only to who answers that building", async () => {
    const opened = await open("Đăng ký thẻ xe", "Tôi cần thêm một thẻ xe máy.");
    const elsewhere = await newMember(env, "building_manager", {
      companyId,
      buildingIds: [(await newUnit(env, { companyId })).buildingId],
    });
    const refused = await care.patch(`/api/v1/conversations/${opened.body.id}`, {
      assignedTo: elsewhere.accountId,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields.assignedTo).toBe("Người này không trả lời cư dân của tòa nhà.");
    const manager = await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] });
    const assigned = await care.patch(`/api/v1/conversations/${opened.body.id}`, {
      assignedTo: manager.accountId,
    });
    expect(assigned.body.assignedTo.id).toBe(manager.accountId);
    const closed = await care.patch(`/api/v1/conversations/${opened.body.id}`, { status: "closed" });
    expect(closed.body.status).toBe("closed");
    // A resident's new message opens it again.
    const reopened = await resident.client.post(`/api/v1/conversations/${opened.body.id}/messages`, {
      body: "Còn một câu hỏi nữa.",
    });
    expect(reopened.body.status).toBe("open");
  });

  it("counts response times of the last 30 days", async () => {
    const stats = await care.get("/api/v1/conversations/stats", { buildingId });
    expect(stats.status).toBe(200);
    // Two conversations in this file opened; the first was answered within seconds, the second not at all.
    expect(stats.body.opened30d).toBeGreaterThanOrEqual(2);
    expect(stats.body.medianFirstResponseMinutes).toBe(0);
    expect(stats.body.answeredWithinHour).toBe(1);
  });
});

describe("who sees what", () => {
  it("a resident writes only about their own units and reads only their own threads", async () => {
    const other = await newUnit(env, { companyId, buildingId, code: "C-09.09" });
    const refused = await open("Không phải căn của tôi", "x", other.unitId);
    expect(refused.status).toBe(404);
    const neighbourAdmin = await signIn(env, await newMember(env, "company_admin", { companyId }));
    const neighbour = await newResident(env, neighbourAdmin, other.unitId, {
      fullName: "Hàng Xóm",
      email: `xom.${Date.now()}@example.vn`,
    });
    const mine = await open("Riêng tư", "Chỉ tôi và ban quản lý.");
    expect((await neighbour.client.get(`/api/v1/conversations/${mine.body.id}`)).status).toBe(404);
    expect(
      (await neighbour.client.post(`/api/v1/conversations/${mine.body.id}/messages`, { body: "Xen vào" }))
        .status,
    ).toBe(404);
    // A resident does not use the management's inbox.
    expect((await resident.client.get("/api/v1/conversations")).status).toBe(403);
  });

  it("a manager sees only their buildings' threads; a technician none; another company gets 404", async () => {
    const mine = await open("Thang máy kêu to", "Thang số 1 kêu to khi lên tầng cao.");
    const otherBuildingManager = await signIn(
      env,
      await newMember(env, "building_manager", {
        companyId,
        buildingIds: [(await newUnit(env, { companyId })).buildingId],
      }),
    );
    const list = await otherBuildingManager.get("/api/v1/conversations");
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(mine.body.id);
    expect((await otherBuildingManager.get(`/api/v1/conversations/${mine.body.id}`)).status).toBe(404);
    const tech = await signIn(
      env,
      await newMember(env, "technician", { companyId, buildingIds: [buildingId] }),
    );
    expect((await tech.get("/api/v1/conversations")).status).toBe(403);

    const stranger = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: (await newUnit(env)).companyId }),
    );
    for (const res of [
      await stranger.get(`/api/v1/conversations/${mine.body.id}`),
      await stranger.post(`/api/v1/conversations/${mine.body.id}/messages`, { body: "x" }),
      await stranger.patch(`/api/v1/conversations/${mine.body.id}`, { status: "closed" }),
    ])
      expect(res.status).toBe(404);
    expect((await stranger.get("/api/v1/conversations")).body.items).toEqual([]);
  });
});

describe("erasure", () => {
  it("takes the threads a resident opened, with every message in them", async () => {
    const admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
    const unit = (await newUnit(env, { companyId, buildingId, code: "C-07.01" })).unitId;
    const leaving = await newResident(env, admin, unit, {
      fullName: "Người Rời Đi",
      email: `roi.${Date.now()}@example.vn`,
    });
    const thread = await leaving.client.post("/api/v1/me/conversations", {
      unitId: unit,
      topic: "Chuyển đi",
      message: "Số điện thoại mới của tôi là 0912 000 111.",
    });
    await care.post(`/api/v1/conversations/${thread.body.id}/messages`, { body: "Đã ghi nhận." });
    expect((await leaving.client.post("/api/v1/privacy/requests", { kind: "erasure" })).status).toBe(201);
    await runDueErasures(
      env.db,
      env.app.platform,
      createLogger("silent"),
      new Date(Date.now() + 5 * 86_400_000),
    );
    const { rows } = await env.db.ownerSql.query<{ n: number }>(
      `select (select count(*) from conversations where id = $1)::int + (select count(*) from conversation_messages where conversation_id = $1)::int as n`,
      [thread.body.id],
    );
    expect(rows[0]?.n).toBe(0);
    expect((await care.get(`/api/v1/conversations/${thread.body.id}`)).status).toBe(404);
  });
});
