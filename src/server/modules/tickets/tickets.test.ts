import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { uploadFile } from "../../../../test/helpers/files.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { createLogger } from "../../platform/log/logger.js";
import { runDueErasures } from "../privacy/requests/privacy.jobs.js";
import { runRetention } from "../privacy/retention/retention.service.js";
import { closeResolvedTickets } from "./tickets.jobs.js";

/*
 * Tickets through HTTP: a resident reports a problem with a photo, the management acknowledges and assigns it,
 * the technician works it seeing only the unit, the requester's first name and a masked phone, the resident
 * rates it. Due times come from the category's service levels (hand-computed below from the published
 * defaults: plumbing answered within 30 minutes and resolved within 24 hours, half for an urgent ticket).
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let admin: Client;
let manager: Client;
let tech: Client;
let techId: string;
let resident: Awaited<ReturnType<typeof newResident>>;
const log = createLogger("silent");
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .withExif({
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "21/1 1/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "105/1 51/1 0/1",
      },
    })
    .jpeg()
    .toBuffer();

const upload = (client: Client, name: string, bytes: Buffer) => uploadFile(client, "ticket", name, bytes);

const report = (client: Client, body: Record<string, unknown>) =>
  client.post("/api/v1/me/tickets", {
    unitId,
    category: "plumbing",
    title: "Rò nước trần nhà tắm",
    description: "Nước nhỏ giọt từ trần nhà tắm từ tối qua.",
    ...body,
  });

/** Moves a ticket's clock: as if it had been opened `minutes` ago (its due times with it). */
async function openedAgo(id: string, minutes: number) {
  await env.db.ownerSql.query(
    `update tickets set created_at = created_at - $2 * interval '1 minute',
       respond_by = respond_by - $2 * interval '1 minute', resolve_by = resolve_by - $2 * interval '1 minute'
     where id = $1`,
    [id, minutes],
  );
}

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "T-08.03" }));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  const techPerson = await newMember(env, "technician", {
    companyId,
    buildingIds: [buildingId],
    name: "Võ Kỹ Thuật",
  });
  techId = techPerson.accountId;
  tech = await signIn(env, techPerson);
  resident = await newResident(env, admin, unitId, {
    fullName: "Trần Thị Thu Hà",
    email: `ha.${Date.now()}@example.vn`,
    phone: "0912345678",
  });
});

describe("reporting", () => {
  it("refuses what is not a ticket: no session, a bad category, a unit not theirs, a staff member", async () => {
    expect((await env.app.inject({ method: "GET", url: "/api/v1/me/tickets" })).statusCode).toBe(401);
    const bad = await report(resident.client, { category: "roof" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.category).toBeTruthy();
    const elsewhere = await newUnit(env, { companyId, buildingId });
    expect((await report(resident.client, { unitId: elsewhere.unitId })).status).toBe(404);
    expect((await report(manager, {})).status).toBe(403);
  });

  it("opens with its photo stripped of location, due times from the category, and a number", async () => {
    const uploaded = await upload(resident.client, "tran-nha.jpg", await photo());
    expect(uploaded.status).toBe(201);
    const before = Date.now();
    const made = await report(resident.client, { photos: [uploaded.body.id] });
    expect(made.status).toBe(201);
    const t = made.body;
    expect(t).toMatchObject({ status: "new", priority: "normal", unitCode: "T-08.03", location: "unit" });
    expect(t.number).toBeGreaterThan(0);
    expect(t.photos).toHaveLength(1);
    const created = Date.parse(t.createdAt);
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(t.sla.respondBy) - created).toBe(30 * MINUTE);
    expect(Date.parse(t.sla.resolveBy) - created).toBe(24 * 60 * MINUTE);
    expect(t.sla).toMatchObject({ responseBreached: false, resolutionBreached: false, paused: false });
    const bytes = await resident.client.request("GET", `/api/v1/tickets/${t.id}/files/${uploaded.body.id}`);
    expect(bytes.status).toBe(200);
    const meta = await sharp(bytes.raw).metadata();
    expect(meta.exif).toBeUndefined();

    const urgent = await report(resident.client, {
      category: "elevator",
      urgent: true,
      location: "elevator",
      locationNote: "Thang số 2",
    });
    expect(urgent.body.priority).toBe("urgent");
    // Elevator: 15 minutes and 8 hours; urgent halves them, to the minute (7.5 → 8).
    const at = Date.parse(urgent.body.createdAt);
    expect(Date.parse(urgent.body.sla.respondBy) - at).toBe(8 * MINUTE);
    expect(Date.parse(urgent.body.sla.resolveBy) - at).toBe(4 * 60 * MINUTE);
    expect(urgent.body.number).toBe(t.number + 1);

    const mine = await resident.client.get("/api/v1/me/tickets");
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([urgent.body.id, t.id]);
    const work = await manager.get("/api/v1/console/work");
    expect(JSON.stringify(work.body)).toContain("tickets.new");
  });
});

describe("working a ticket", () => {
  it("goes from new to closed: acknowledged, assigned, waiting (clock stopped), resolved, rated", async () => {
    const t = (await report(resident.client, {})).body;
    const ack = await manager.patch(`/api/v1/tickets/${t.id}`, { status: "acknowledged" });
    expect(ack.status).toBe(200);
    expect(ack.body.sla.respondedAt).not.toBeNull();
    expect(ack.body.sla.responseBreached).toBe(false);
    const bell = await resident.client.get("/api/v1/notifications");
    expect(bell.body.items[0]).toMatchObject({
      kind: "ticket",
      title: `Phản ánh #${t.number} đã được Ban quản lý tiếp nhận`,
      link: `/app/tickets/${t.id}`,
    });

    const refused = await manager.patch(`/api/v1/tickets/${t.id}`, {
      assignedTo: (
        await newMember(env, "technician", {
          companyId,
          buildingIds: [(await newUnit(env, { companyId })).buildingId],
        })
      ).accountId,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.fields.assignedTo).toBe(
      "Chỉ giao được cho kỹ thuật viên hoặc quản lý của tòa nhà này.",
    );
    const assigned = await manager.patch(`/api/v1/tickets/${t.id}`, { assignedTo: techId });
    expect(assigned.body.assignedTo).toEqual({ id: techId, name: "Võ Kỹ Thuật" });
    expect(JSON.stringify((await tech.get("/api/v1/console/work")).body)).toContain("tickets.mine");

    // The technician sees the unit, the first name and a masked phone: nothing more of the requester.
    const seen = await tech.get(`/api/v1/tickets/${t.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.requester).toEqual({ firstName: "Hà", name: null, phone: "0912 *** 678" });
    expect(seen.body.unitCode).toBe("T-08.03");
    expect(JSON.stringify(seen.body)).not.toContain("Trần Thị");
    expect(JSON.stringify(seen.body)).not.toContain("example.vn");
    const managerView = await manager.get(`/api/v1/tickets/${t.id}`);
    expect(managerView.body.requester).toEqual({
      firstName: "Hà",
      name: "Trần Thị Thu Hà",
      phone: "0912 *** 678",
    });
    expect(seen.body.can).toMatchObject({ update: true, assign: false, note: true });
    expect((await tech.patch(`/api/v1/tickets/${t.id}`, { priority: "high" })).status).toBe(403);

    // Waiting for the resident stops the resolution clock; the resident's answer starts it again, later.
    const waiting = await tech.patch(`/api/v1/tickets/${t.id}`, { status: "waiting" });
    expect(waiting.body.sla.paused).toBe(true);
    await env.db.ownerSql.query(
      "update tickets set paused_at = paused_at - interval '90 minutes' where id = $1",
      [t.id],
    );
    const answer = await resident.client.post(`/api/v1/tickets/${t.id}/messages`, {
      body: "Chiều nay tôi ở nhà.",
    });
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe("in_progress");
    expect(answer.body.sla.paused).toBe(false);
    const moved = Date.parse(answer.body.sla.resolveBy) - Date.parse(waiting.body.sla.resolveBy);
    expect(moved).toBeGreaterThanOrEqual(90 * MINUTE);
    expect(moved).toBeLessThan(92 * MINUTE);

    const note = await tech.post(`/api/v1/tickets/${t.id}/messages`, {
      body: "Cần thay ron ống xả.",
      internal: true,
    });
    expect(note.status).toBe(201);
    const toResident = await tech.post(`/api/v1/tickets/${t.id}/messages`, { body: "Tôi lên lúc 15 giờ." });
    expect(toResident.status).toBe(201);
    const residentView = await resident.client.get(`/api/v1/tickets/${t.id}`);
    const bodies = residentView.body.events.map((e: { body: string | null }) => e.body);
    expect(bodies).toContain("Tôi lên lúc 15 giờ.");
    expect(bodies).not.toContain("Cần thay ron ống xả.");
    expect(
      residentView.body.events.find((e: { body: string }) => e.body === "Tôi lên lúc 15 giờ.").author,
    ).toBe("Ban quản lý");
    expect(
      (await resident.client.post(`/api/v1/tickets/${t.id}/messages`, { body: "x", internal: true })).status,
    ).toBe(403);

    expect((await resident.client.post(`/api/v1/me/tickets/${t.id}/rating`, { rating: 5 })).status).toBe(403);
    const resolved = await tech.patch(`/api/v1/tickets/${t.id}`, { status: "resolved" });
    expect(resolved.body.status).toBe("resolved");
    expect(resolved.body.reopenUntil).not.toBeNull();
    expect((await tech.patch(`/api/v1/tickets/${t.id}`, { status: "waiting" })).body.error.code).toBe(
      "TICKET_STATUS",
    );
    const rated = await resident.client.post(`/api/v1/me/tickets/${t.id}/rating`, {
      rating: 4,
      comment: "Nhanh, sạch sẽ.",
    });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ status: "closed", rating: 4, ratingComment: "Nhanh, sạch sẽ." });
    expect((await tech.patch(`/api/v1/tickets/${t.id}`, { status: "in_progress" })).status).toBe(403);
  });

  it("reopens within 7 days of its resolution, not after; left resolved, it closes by itself", async () => {
    const t = (await report(resident.client, { category: "noise", title: "Tiếng ồn tầng trên" })).body;
    await manager.patch(`/api/v1/tickets/${t.id}`, { status: "resolved" });
    const reopened = await resident.client.post(`/api/v1/me/tickets/${t.id}/reopen`, {
      reason: "Vẫn còn ồn sau 22 giờ.",
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe("reopened");
    await manager.patch(`/api/v1/tickets/${t.id}`, { status: "resolved" });
    await env.db.ownerSql.query("update tickets set resolved_at = now() - interval '8 days' where id = $1", [
      t.id,
    ]);
    const late = await resident.client.post(`/api/v1/me/tickets/${t.id}/reopen`, { reason: "Lại ồn." });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe("TICKET_REOPEN_LATE");
    expect((await closeResolvedTickets(env.db, env.app.platform, log)).closed).toBeGreaterThanOrEqual(1);
    expect((await resident.client.get(`/api/v1/tickets/${t.id}`)).body.status).toBe("closed");
  });

  it("flags the times missed and counts them, overall, per category and per technician", async () => {
    const { buildingId: b2, unitId: u2 } = await newUnit(env, { companyId, code: "S-01.01" });
    const owner = await newResident(env, admin, u2, {
      fullName: "Lê Văn Số",
      email: `so.${Date.now()}@example.vn`,
    });
    const techB = await newMember(env, "technician", { companyId, buildingIds: [b2], name: "Đỗ Thợ" });
    const make = async (category: string) =>
      (
        await owner.client.post("/api/v1/me/tickets", {
          unitId: u2,
          category,
          title: "Kiểm tra",
          description: "x",
        })
      ).body;
    // 1: answered in time, resolved in time. 2: answered 40 minutes late (cleaning allows 2 hours), still open.
    const onTime = await make("plumbing");
    await admin.patch(`/api/v1/tickets/${onTime.id}`, {
      assignedTo: techB.accountId,
      status: "acknowledged",
    });
    await admin.patch(`/api/v1/tickets/${onTime.id}`, { status: "resolved" });
    const late = await make("cleaning");
    await openedAgo(late.id, 160);
    const listed = await admin.get("/api/v1/tickets", { overdue: "true", buildingId: b2 });
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([late.id]);
    expect(listed.body.items[0].sla.responseBreached).toBe(true);
    await admin.patch(`/api/v1/tickets/${late.id}`, { assignedTo: techB.accountId, status: "in_progress" });

    const stats = await admin.get("/api/v1/tickets/stats", { buildingId: b2 });
    expect(stats.status).toBe(200);
    expect(stats.body.overall).toMatchObject({
      total: 2,
      open: 1,
      overdue: 0,
      respondedInTime: 0.5,
      resolvedInTime: 1,
    });
    expect(
      stats.body.byCategory.map((c: { category: string; respondedInTime: number }) => [
        c.category,
        c.respondedInTime,
      ]),
    ).toEqual([
      ["cleaning", 0],
      ["plumbing", 1],
    ]);
    expect(stats.body.byAssignee).toEqual([
      expect.objectContaining({ accountId: techB.accountId, name: "Đỗ Thợ", total: 2, respondedInTime: 0.5 }),
    ]);
    expect((await tech.get("/api/v1/tickets/stats")).status).toBe(403);

    const board = await admin.get("/api/v1/tickets/board", { buildingId: b2 });
    const column = (s: string) => board.body.columns.find((c: { status: string }) => c.status === s);
    expect(column("in_progress")).toMatchObject({ total: 1 });
    expect(column("resolved").items.map((x: { id: string }) => x.id)).toEqual([onTime.id]);
    expect(board.body.columns.map((c: { status: string }) => c.status)).not.toContain("closed");
  });

  it("follows the company's own service levels once its admin sets them", async () => {
    const refused = await manager.put("/api/v1/tickets/slas", { categories: [] });
    expect(refused.status).toBe(403);
    const current = (await admin.get("/api/v1/tickets/slas")).body;
    const categories = current.categories.map((c: { category: string }) =>
      c.category === "security" ? { ...c, respondMinutes: 10, resolveMinutes: 120 } : c,
    );
    const backwards = await admin.put("/api/v1/tickets/slas", {
      categories: [{ category: "security", respondMinutes: 60, resolveMinutes: 30 }],
    });
    expect(backwards.status).toBe(400);
    expect((await admin.put("/api/v1/tickets/slas", { categories })).status).toBe(200);
    const t = (
      await report(resident.client, {
        category: "security",
        location: "parking",
        title: "Cửa hầm không đóng",
      })
    ).body;
    expect(Date.parse(t.sla.respondBy) - Date.parse(t.createdAt)).toBe(10 * MINUTE);
    expect(Date.parse(t.sla.resolveBy) - Date.parse(t.createdAt)).toBe(120 * MINUTE);
  });

  it("is made from a resident's conversation, once", async () => {
    const thread = await resident.client.post("/api/v1/me/conversations", {
      unitId,
      topic: "Mất điện ổ cắm bếp",
      message: "Ổ cắm bếp không có điện từ sáng.",
    });
    const made = await manager.post("/api/v1/tickets/from-conversation", {
      conversationId: thread.body.id,
      category: "electricity",
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      title: "Mất điện ổ cắm bếp",
      description: "Ổ cắm bếp không có điện từ sáng.",
      conversationId: thread.body.id,
      requester: { name: "Trần Thị Thu Hà" },
    });
    const again = await manager.post("/api/v1/tickets/from-conversation", {
      conversationId: thread.body.id,
      category: "electricity",
    });
    expect(again.status).toBe(409);
    expect(
      (
        await tech.post("/api/v1/tickets/from-conversation", {
          conversationId: thread.body.id,
          category: "other",
        })
      ).status,
    ).toBe(403);
  });
});

describe("who sees what", () => {
  it("a technician sees only what is assigned to them; another building's manager and another company nothing", async () => {
    const t = (await report(resident.client, { title: "Riêng của tòa T" })).body;
    const techList = await tech.get("/api/v1/tickets");
    expect(techList.body.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
    expect((await tech.get(`/api/v1/tickets/${t.id}`)).status).toBe(404);
    const otherManager = await signIn(
      env,
      await newMember(env, "building_manager", {
        companyId,
        buildingIds: [(await newUnit(env, { companyId })).buildingId],
      }),
    );
    expect((await otherManager.get(`/api/v1/tickets/${t.id}`)).status).toBe(404);
    expect(
      (await otherManager.get("/api/v1/tickets")).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(t.id);

    const neighbourUnit = await newUnit(env, { companyId, buildingId });
    const neighbour = await newResident(env, admin, neighbourUnit.unitId, {
      fullName: "Hàng Xóm",
      email: `xom.${Date.now()}@example.vn`,
    });
    expect((await neighbour.client.get(`/api/v1/tickets/${t.id}`)).status).toBe(404);
    expect((await neighbour.client.get("/api/v1/tickets")).status).toBe(403);

    const stranger = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: (await newUnit(env)).companyId }),
    );
    for (const res of [
      await stranger.get(`/api/v1/tickets/${t.id}`),
      await stranger.patch(`/api/v1/tickets/${t.id}`, { status: "acknowledged" }),
      await stranger.post(`/api/v1/tickets/${t.id}/messages`, { body: "x" }),
      await stranger.get(`/api/v1/tickets/${t.id}/files/${t.id}`),
      await stranger.post("/api/v1/tickets/from-conversation", { conversationId: t.id, category: "other" }),
    ])
      expect(res.status).toBe(404);
    expect((await stranger.get("/api/v1/tickets")).body.items).toEqual([]);
    const board = await stranger.get("/api/v1/tickets/board");
    expect(board.body.columns.every((c: { total: number }) => c.total === 0)).toBe(true);
  });
});

describe("personal data", () => {
  it("shows the person's tickets in my data; erasure keeps the repair record without them", async () => {
    const { unitId: u } = await newUnit(env, { companyId, buildingId, code: "T-02.02" });
    const leaving = await newResident(env, admin, u, {
      fullName: "Người Rời Đi",
      email: `roi.${Date.now()}@example.vn`,
    });
    const uploaded = await upload(leaving.client, "anh.jpg", await photo());
    const t = (
      await leaving.client.post("/api/v1/me/tickets", {
        unitId: u,
        category: "plumbing",
        title: "Bồn rửa nhà bà Sáu bị tắc",
        description: "Gọi tôi ở số 0988 111 222.",
        photos: [uploaded.body.id],
      })
    ).body;
    await leaving.client.post(`/api/v1/tickets/${t.id}/messages`, { body: "Tôi đi vắng đến thứ Hai." });
    await manager.post(`/api/v1/tickets/${t.id}/messages`, { body: "Đã ghi nhận." });
    const data = await leaving.client.get("/api/v1/my/data");
    expect(data.body.tickets).toEqual([
      expect.objectContaining({
        number: t.number,
        title: "Bồn rửa nhà bà Sáu bị tắc",
        description: "Gọi tôi ở số 0988 111 222.",
        photos: 1,
        messages: [
          expect.objectContaining({ fromStaff: false, body: "Tôi đi vắng đến thứ Hai." }),
          expect.objectContaining({ fromStaff: true, body: "Đã ghi nhận." }),
        ],
      }),
    ]);
    expect((await leaving.client.post("/api/v1/privacy/requests", { kind: "erasure" })).status).toBe(201);
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));
    const kept = await manager.get(`/api/v1/tickets/${t.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ title: "—", description: "—", unitCode: "T-02.02", photos: [] });
    const gone = "Cư dân đã xóa dữ liệu";
    expect(kept.body.requester).toEqual({ firstName: gone, name: gone, phone: null });
    const text = JSON.stringify(kept.body);
    for (const theirs of ["bà Sáu", "0988", "đi vắng", "Người Rời Đi"]) expect(text).not.toContain(theirs);
    expect(kept.body.events.map((e: { body: string | null }) => e.body)).toContain("Đã ghi nhận.");
    const { rows } = await env.db.ownerSql.query("select 1 from files where id = $1", [uploaded.body.id]);
    expect(rows).toEqual([]);
  });

  it("removes the photos of tickets closed longer ago than the company keeps them", async () => {
    const uploaded = await upload(resident.client, "cu.jpg", await photo());
    const t = (await report(resident.client, { photos: [uploaded.body.id], title: "Ảnh cũ" })).body;
    await manager.patch(`/api/v1/tickets/${t.id}`, { status: "resolved" });
    await resident.client.post(`/api/v1/me/tickets/${t.id}/rating`, { rating: 3 });
    // The default period is 180 days: a day later the photo stays, 181 days later it is gone.
    await runRetention(env.db, env.app.platform, log, new Date(Date.now() + DAY));
    expect((await manager.get(`/api/v1/tickets/${t.id}`)).body.photos).toHaveLength(1);
    await runRetention(env.db, env.app.platform, log, new Date(Date.now() + 181 * DAY));
    const after = await manager.get(`/api/v1/tickets/${t.id}`);
    expect(after.body.photos).toEqual([]);
    expect(after.body.title).toBe("Ảnh cũ");
  });
});
