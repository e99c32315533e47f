import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { createLogger } from "../../platform/log/logger.js";
import { publishDue } from "./announcements.service.js";

/*
 * Announcements through HTTP: an audience reaches exactly the people it names (blocks, floors, units, owners or
 * tenants, the owners' board), never the restricted, a promotion only those who consented; drafts and
 * schedules reach nobody until published; the resident's feed and its read receipts; another company sees none.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;
type Person = Awaited<ReturnType<typeof newResident>>;
const people: Record<string, Person> = {};
let board: Client;
let unitB3: string;

const n = { value: 0 };
const email = (who: string) => `${who}.${++n.value}.${Date.now()}@example.vn`;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const first = await newUnit(env, { code: "A-02.01", block: "A", floor: 2 });
  ({ companyId, buildingId } = first);
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  const unit = (code: string, block: string, floor: number) =>
    newUnit(env, { companyId, buildingId, code, block, floor }).then((u) => u.unitId);
  const a2 = first.unitId;
  const a5 = await unit("A-05.01", "A", 5);
  const b2 = await unit("B-02.01", "B", 2);
  unitB3 = await unit("B-03.01", "B", 3);
  people.ownerA2 = await newResident(env, admin, a2, { fullName: "Nguyễn Văn An", email: email("an") });
  people.tenantA2 = await newResident(env, admin, a2, {
    fullName: "Trần Thị Bình",
    email: email("binh"),
    role: "tenant",
    leaseEndsOn: "2027-12-31",
  } as never);
  people.ownerA5 = await newResident(env, admin, a5, { fullName: "Lê Văn Cường", email: email("cuong") });
  people.ownerB2 = await newResident(env, admin, b2, { fullName: "Phạm Thị Dung", email: email("dung") });
  people.memberB3 = await newResident(env, admin, unitB3, {
    fullName: "Hoàng Văn Em",
    email: email("em"),
    role: "member",
  });
  people.restrictedB3 = await newResident(env, admin, unitB3, {
    fullName: "Vũ Thị Phượng",
    email: email("phuong"),
  });
  expect(
    (await people.restrictedB3!.client.post("/api/v1/privacy/requests", { kind: "restriction" })).status,
  ).toBe(201);
  // Someone registered without the app, and someone of another building of the same company.
  expect(
    (await admin.post(`/api/v1/units/${a5}/household`, { role: "member", fullName: "Đỗ Văn Giang" })).status,
  ).toBe(201);
  people.elsewhere = await newResident(env, admin, (await newUnit(env, { companyId })).unitId, {
    fullName: "Bùi Thị Hoa",
    email: email("hoa"),
  });
  const boardMember = await newMember(env, "owners_board", { companyId, buildingIds: [buildingId] });
  board = await signIn(env, boardMember);
});

const titlesIn = async (client: Client) =>
  ((await client.get("/api/v1/me/announcements")).body.items as { title: string }[]).map((i) => i.title);

/** Publishes to an audience and answers who among the named people received it. */
async function reached(audience: Record<string, unknown>, title: string, category = "notice") {
  const sent = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
    title,
    body: "Nội dung",
    category,
    audience,
  });
  expect(sent.status).toBe(201);
  const got: string[] = [];
  for (const [name, p] of Object.entries(people))
    if ((await titlesIn(p.client)).includes(title)) got.push(name);
  if ((await titlesIn(board)).includes(title)) got.push("board");
  return { got: got.sort(), result: sent.body };
}

describe("audience", () => {
  it("the whole building: everyone living there with the app but the restricted; the others are counted", async () => {
    const { got, result } = await reached({}, "Toàn tòa");
    expect(got).toEqual(["memberB3", "ownerA2", "ownerA5", "ownerB2", "tenantA2"]);
    expect(result).toMatchObject({
      sent: 5,
      excludedRestricted: 1,
      withoutAccount: 1,
      units: 4,
      status: "published",
    });
  });

  it("blocks, floors, units and roles narrow it, each list by any of its values", async () => {
    expect((await reached({ blocks: ["A"] }, "Khối A")).got).toEqual(["ownerA2", "ownerA5", "tenantA2"]);
    expect((await reached({ floors: [2] }, "Tầng 2")).got).toEqual(["ownerA2", "ownerB2", "tenantA2"]);
    expect((await reached({ floors: [2, 5] }, "Tầng 2 và 5")).got).toEqual([
      "ownerA2",
      "ownerA5",
      "ownerB2",
      "tenantA2",
    ]);
    expect((await reached({ unitIds: [unitB3] }, "Căn B-03.01")).got).toEqual(["memberB3"]);
    expect((await reached({ roles: ["owner"] }, "Chủ hộ")).got).toEqual(["ownerA2", "ownerA5", "ownerB2"]);
    expect((await reached({ roles: ["tenant"] }, "Người thuê")).got).toEqual(["tenantA2"]);
    expect((await reached({ blocks: ["B"], roles: ["owner"] }, "Chủ hộ khối B")).got).toEqual(["ownerB2"]);
    expect((await reached({ roles: ["board"] }, "Ban đại diện")).got).toEqual(["board"]);
    expect((await reached({ roles: ["owner", "board"] }, "Chủ hộ và ban đại diện")).got).toEqual([
      "board",
      "ownerA2",
      "ownerA5",
      "ownerB2",
    ]);
  });

  it("is counted before sending, and the count is what the sending reaches", async () => {
    const preview = await admin.post(`/api/v1/buildings/${buildingId}/announcements/audience`, {
      audience: { blocks: ["A"] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      sent: 3,
      excludedRestricted: 0,
      excludedNoConsent: 0,
      withoutAccount: 1,
      units: 2,
    });
    const { result } = await reached({ blocks: ["A"] }, "Khối A lần 2");
    expect(result.sent).toBe(preview.body.sent);
  });

  it("a promotion reaches only who consented to marketing, and stops at a withdrawal", async () => {
    await people.ownerA5!.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: true });
    const promo = await reached({}, "Ưu đãi giặt là", "promotion");
    expect(promo.got).toEqual(["ownerA5"]);
    expect(promo.result).toMatchObject({ sent: 1, excludedNoConsent: 4 });
    await people.ownerA5!.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: false });
    expect((await reached({}, "Ưu đãi 2", "promotion")).got).toEqual([]);
  });

  it("refuses blocks, roles and units that are not of the right shape", async () => {
    const bad = await admin.post(`/api/v1/buildings/${buildingId}/announcements/audience`, {
      audience: { roles: ["landlord"], unitIds: ["x"] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual([
      "audience.roles.0",
      "audience.unitIds.0",
    ]);
  });
});

describe("lifecycle", () => {
  it("a draft reaches nobody; changed, then published, it does", async () => {
    const draft = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Bản nháp",
      body: "Chưa gửi",
      action: "draft",
    });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe("draft");
    expect(await titlesIn(people.ownerA2!.client)).not.toContain("Bản nháp");
    const changed = await admin.patch(`/api/v1/announcements/${draft.body.id}`, {
      title: "Bảo trì thang máy",
      category: "maintenance",
      audience: { blocks: ["B"] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: "Bảo trì thang máy",
      category: "maintenance",
      status: "draft",
    });
    const published = await admin.post(`/api/v1/announcements/${draft.body.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: "published", sent: 2 });
    expect(await titlesIn(people.ownerB2!.client)).toContain("Bảo trì thang máy");
    expect(await titlesIn(people.ownerA2!.client)).not.toContain("Bảo trì thang máy");
    // What was sent stays as sent.
    const edit = await admin.patch(`/api/v1/announcements/${draft.body.id}`, { title: "Đổi tiêu đề" });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("ANNOUNCEMENT_SENT");
    expect((await admin.post(`/api/v1/announcements/${draft.body.id}/publish`)).status).toBe(409);
  });

  it("a scheduled one goes out when due, once", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Họp cư dân tối thứ Sáu",
      body: "19 giờ, sảnh A",
      category: "event",
      action: "schedule",
      publishAt: at.toISOString(),
    });
    expect(scheduled.body.status).toBe("scheduled");
    const log = createLogger("silent");
    expect(await publishDue(env.db, env.app.platform, log, new Date())).toEqual({ published: 0 });
    expect(await titlesIn(people.ownerA2!.client)).not.toContain("Họp cư dân tối thứ Sáu");
    expect(await publishDue(env.db, env.app.platform, log, new Date(at.getTime() + 1000))).toEqual({
      published: 1,
    });
    expect(await publishDue(env.db, env.app.platform, log, new Date(at.getTime() + 1000))).toEqual({
      published: 0,
    });
    const feed = (await people.ownerA2!.client.get("/api/v1/me/announcements")).body.items;
    expect(feed.filter((i: { title: string }) => i.title === "Họp cư dân tối thứ Sáu")).toHaveLength(1);
  });

  it("refuses a time in the past, or scheduling without a time, in the person's language", async () => {
    const english = await signIn(
      env,
      await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
    );
    expect((await english.patch("/api/v1/me", { lang: "en" })).status).toBe(200);
    const past = await english.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Quá khứ",
      body: "x",
      action: "schedule",
      publishAt: "2020-01-01T00:00:00+07:00",
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details.fields.publishAt).toBe("The publishing time must be in the future.");
    const none = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Không giờ",
      body: "x",
      action: "schedule",
    });
    expect(none.status).toBe(400);
    expect(none.body.error.details.fields.publishAt).toBe("Hãy chọn thời điểm đăng.");
  });

  it("pinned comes first in the feed; archived leaves it; read receipts count who opened it", async () => {
    const pinned = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Nội quy mới",
      body: "Áp dụng từ 1/1",
      pinned: true,
      audience: { blocks: ["A"] },
    });
    await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Tin mới hơn",
      body: "x",
      audience: { blocks: ["A"] },
    });
    const feed = await people.tenantA2!.client.get("/api/v1/me/announcements");
    expect(feed.body.items[0].title).toBe("Nội quy mới");
    expect(feed.body.items[1].title).toBe("Tin mới hơn");
    const unreadBefore = feed.body.unread;
    expect(unreadBefore).toBeGreaterThanOrEqual(2);

    const opened = await people.tenantA2!.client.get(`/api/v1/me/announcements/${pinned.body.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ title: "Nội quy mới", read: true });
    expect((await people.tenantA2!.client.get("/api/v1/me/announcements")).body.unread).toBe(
      unreadBefore - 1,
    );
    const detail = await admin.get(`/api/v1/announcements/${pinned.body.id}`);
    expect(detail.body).toMatchObject({ sent: 3, read: 1, pinned: true });
    const list = await admin.get("/api/v1/announcements", { buildingId, status: "published" });
    expect(list.body.items[0]).toMatchObject({ id: pinned.body.id, sent: 3, read: 1 });

    // Someone it was not sent to cannot open it.
    expect((await people.ownerB2!.client.get(`/api/v1/me/announcements/${pinned.body.id}`)).status).toBe(404);

    const archived = await admin.post(`/api/v1/announcements/${pinned.body.id}/archive`);
    expect(archived.body).toMatchObject({ status: "archived", pinned: false });
    expect(await titlesIn(people.tenantA2!.client)).not.toContain("Nội quy mới");
  });
});

describe("another company", () => {
  it("finds none of these announcements and cannot touch them", async () => {
    const other = await newUnit(env);
    const otherAdmin = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: other.companyId }),
    );
    const mine = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Chỉ của công ty này",
      body: "x",
      action: "draft",
    });
    for (const res of [
      await otherAdmin.get(`/api/v1/announcements/${mine.body.id}`),
      await otherAdmin.patch(`/api/v1/announcements/${mine.body.id}`, { title: "Của tôi rồi" }),
      await otherAdmin.post(`/api/v1/announcements/${mine.body.id}/publish`),
      await otherAdmin.post(`/api/v1/announcements/${mine.body.id}/archive`),
      await otherAdmin.get("/api/v1/announcements", { buildingId }),
      await otherAdmin.post(`/api/v1/buildings/${buildingId}/announcements/audience`, {}),
    ])
      expect(res.status).toBe(404);
    const still = await admin.get(`/api/v1/announcements/${mine.body.id}`);
    expect(still.body).toMatchObject({ title: "Chỉ của công ty này", status: "draft" });
  });

  it("a technician of the company may not announce", async () => {
    const tech = await signIn(
      env,
      await newMember(env, "technician", { companyId, buildingIds: [buildingId] }),
    );
    const res = await tech.post(`/api/v1/buildings/${buildingId}/announcements`, { title: "Thử", body: "x" });
    expect(res.status).toBe(403);
  });
});
