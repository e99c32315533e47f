import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { uploadFile } from "../../../../test/helpers/files.js";
import { squarePng } from "../../../../test/helpers/png.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { createLogger } from "../../platform/log/logger.js";
import { runDueErasures } from "../privacy/requests/privacy.jobs.js";
import { runRetention } from "../privacy/retention/retention.service.js";
import { remindUnclaimed } from "./parcels.service.js";

/*
 * Reception through HTTP: a parcel recorded for a unit reaches its household (not its code: that is in the
 * app), is handed over once with the code; a guest pass opens the door once, in its window; walk-ins and
 * check-outs fill the visitor log, which the retention job empties after its period. Another company's desk
 * gets 404 on every one of them.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let desk: Client;
let care: Client;
let admin: Client;
let household: Awaited<ReturnType<typeof newResident>>;
const log = createLogger("silent");
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "R-10.01" }));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  desk = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  care = await signIn(env, await newMember(env, "customer_care", { companyId }));
  household = await newResident(env, admin, unitId, {
    fullName: "Lâm Gia Hộ",
    email: `ho.${Date.now()}@example.vn`,
  });
});

const receive = (client: Client, body: Record<string, unknown> = {}) =>
  client.post("/api/v1/parcels", { unitId, carrier: "Giao Hàng Nhanh", ...body });

describe("parcels", () => {
  it("is recorded with its label photo, told to the household without its code, and handed over once", async () => {
    const photo = await uploadFile(desk, "parcel", "nhan.png", squarePng(200, 120, [200, 200, 200]));
    expect(photo.status).toBe(201);
    // A resident cannot upload a label photo, nor record a parcel.
    expect((await uploadFile(household.client, "parcel", "x.png", squarePng(10, 10, [0, 0, 0]))).status).toBe(
      403,
    );
    expect((await receive(household.client)).status).toBe(403);

    const made = await receive(desk, { note: "Thùng lớn", photo: photo.body.id });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: "waiting", unitCode: "R-10.01", note: "Thùng lớn" });
    expect(made.body.photo).toMatchObject({ kind: "image" });
    expect(made.body).not.toHaveProperty("code");

    const mine = await household.client.get("/api/v1/me/parcels");
    const waiting = mine.body.items.find((p: { id: string }) => p.id === made.body.id);
    expect(waiting.code).toMatch(/^\d{6}$/);
    const bell = await household.client.get("/api/v1/notifications");
    expect(bell.body.items[0]).toMatchObject({
      kind: "parcel",
      title: "Có bưu phẩm cho căn R-10.01 tại quầy lễ tân",
    });
    expect(JSON.stringify(bell.body)).not.toContain(waiting.code);

    const found = await desk.get("/api/v1/reception/lookup", { code: waiting.code });
    expect(found.body).toMatchObject({ kind: "parcel", parcel: { id: made.body.id } });
    const wrong = await desk.post(`/api/v1/parcels/${made.body.id}/pickup`, {
      code: waiting.code === "000000" ? "000001" : "000000",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.fields.code).toBe("Mã nhận không đúng với bưu phẩm này.");
    const handed = await desk.post(`/api/v1/parcels/${made.body.id}/pickup`, { code: waiting.code });
    expect(handed.status).toBe(200);
    expect(handed.body.status).toBe("picked_up");
    // The code works once: the same code again is refused, and no longer finds anything.
    const again = await desk.post(`/api/v1/parcels/${made.body.id}/pickup`, { code: waiting.code });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("PARCEL_NOT_WAITING");
    expect((await desk.get("/api/v1/reception/lookup", { code: waiting.code })).status).toBe(404);
    const after = await household.client.get("/api/v1/me/parcels");
    expect(after.body.items.find((p: { id: string }) => p.id === made.body.id)).toMatchObject({
      status: "picked_up",
      code: null,
    });
  });

  it("is handed over without a code only by a manager, who records who collected it and why", async () => {
    const made = await receive(desk, { carrier: "Viettel Post" });
    const override = { collectedBy: "Lâm Gia Bà (mẹ chủ hộ)", reason: "Không dùng ứng dụng; đã xem CCCD." };
    expect((await care.post(`/api/v1/parcels/${made.body.id}/pickup`, override)).status).toBe(403);
    const done = await desk.post(`/api/v1/parcels/${made.body.id}/pickup`, override);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "picked_up", collectedBy: "Lâm Gia Bà (mẹ chủ hộ)" });
  });

  it("reminds the household of a parcel waiting 3 days, once until 3 more days pass", async () => {
    const made = await receive(desk, { carrier: "J&T Express" });
    const before = (await household.client.get("/api/v1/notifications")).body.total;
    await remindUnclaimed(env.db, env.app.platform, log, new Date(Date.now() + 2 * DAY));
    expect((await household.client.get("/api/v1/notifications")).body.total).toBe(before);
    await remindUnclaimed(env.db, env.app.platform, log, new Date(Date.now() + 4 * DAY));
    await remindUnclaimed(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));
    const bell = await household.client.get("/api/v1/notifications");
    expect(bell.body.total).toBe(before + 1);
    expect(bell.body.items[0].title).toBe("Bưu phẩm của căn R-10.01 đã chờ 4 ngày");
    expect((await desk.get("/api/v1/console/work")).body.queues.map((q: { key: string }) => q.key)).toContain(
      "reception.parcels",
    );
    expect(made.status).toBe(201);
  });
});

describe("guests", () => {
  it("a pass checks its guest in once, in its window; the host is told", async () => {
    const pass = await household.client.post("/api/v1/me/guest-passes", {
      unitId,
      guestName: "Trương Văn Khách",
      guests: 3,
      plate: "30a 123.45",
      validFrom: iso(-HOUR),
      validUntil: iso(3 * HOUR),
    });
    expect(pass.status).toBe(201);
    expect(pass.body).toMatchObject({ status: "active", plate: "30A123.45", guests: 3 });
    expect(pass.body.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const found = await desk.get("/api/v1/reception/lookup", { code: pass.body.code.toLowerCase() });
    expect(found.body).toMatchObject({
      kind: "pass",
      pass: { id: pass.body.id, guestName: "Trương Văn Khách" },
    });
    const visit = await desk.post(`/api/v1/guest-passes/${pass.body.id}/check-in`);
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ withPass: true, unitCode: "R-10.01", checkedOutAt: null });
    const twice = await desk.post(`/api/v1/guest-passes/${pass.body.id}/check-in`);
    expect(twice.body.error.code).toBe("PASS_USED");
    const bell = await household.client.get("/api/v1/notifications");
    expect(bell.body.items[0]).toMatchObject({
      kind: "visitor",
      title: "Khách của bạn đã đến: Trương Văn Khách",
    });
    const inside = await desk.get("/api/v1/visits", { inside: "true" });
    expect(inside.body.items.map((v: { id: string }) => v.id)).toContain(visit.body.id);
    expect((await desk.post(`/api/v1/visits/${visit.body.id}/check-out`)).body.checkedOutAt).not.toBeNull();
    expect((await desk.post(`/api/v1/visits/${visit.body.id}/check-out`)).body.error.code).toBe(
      "VISIT_ENDED",
    );
  });

  it("refuses a pass after its window, before it, once cancelled, and a window that is not one", async () => {
    const make = (from: number, until: number) =>
      household.client.post("/api/v1/me/guest-passes", {
        unitId,
        guestName: "Khách Hẹn",
        validFrom: iso(from),
        validUntil: iso(until),
      });
    expect((await make(2 * HOUR, HOUR)).body.error.details.fields.validUntil).toBeTruthy();
    expect((await make(0, 8 * DAY)).body.error.details.fields.validUntil).toBe(
      "Thẻ khách chỉ có hiệu lực tối đa 7 ngày.",
    );
    const later = await make(5 * HOUR, 8 * HOUR);
    expect((await desk.post(`/api/v1/guest-passes/${later.body.id}/check-in`)).body.error.code).toBe(
      "PASS_NOT_YET",
    );
    const soon = await make(-HOUR, 2 * HOUR);
    await env.db.ownerSql.query(
      "update guest_passes set valid_from = now() - interval '3 hours', valid_until = now() - interval '1 minute' where id = $1",
      [soon.body.id],
    );
    const expired = await desk.post(`/api/v1/guest-passes/${soon.body.id}/check-in`);
    expect(expired.status).toBe(422);
    expect(expired.body.error.code).toBe("PASS_EXPIRED");
    const cancelled = await make(-HOUR, 2 * HOUR);
    expect(
      (await household.client.post(`/api/v1/me/guest-passes/${cancelled.body.id}/cancel`)).body.status,
    ).toBe("cancelled");
    expect((await desk.post(`/api/v1/guest-passes/${cancelled.body.id}/check-in`)).body.error.code).toBe(
      "PASS_CANCELLED",
    );
    const elsewhere = await newUnit(env, { companyId, buildingId });
    expect(
      (
        await household.client.post("/api/v1/me/guest-passes", {
          unitId: elsewhere.unitId,
          guestName: "Khách Lạ",
          validFrom: iso(0),
          validUntil: iso(HOUR),
        })
      ).status,
    ).toBe(404);
  });

  it("keeps the visitor log for the company's period, and shows the host's passes in their data", async () => {
    const walkIn = await desk.post("/api/v1/visits", {
      unitId,
      guestName: "Thợ Sửa Máy Lạnh",
      plate: "59-X1 234.56",
    });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ withPass: false, plate: "59-X1234.56" });
    const data = await household.client.get("/api/v1/my/data");
    expect(data.body.guestPasses.map((g: { guestName: string }) => g.guestName)).toContain(
      "Trương Văn Khách",
    );
    expect(data.body.parcels.map((p: { carrier: string }) => p.carrier)).toContain("Giao Hàng Nhanh");
    await runRetention(env.db, env.app.platform, log, new Date(Date.now() + 30 * DAY));
    expect((await desk.get("/api/v1/visits")).body.items.map((v: { id: string }) => v.id)).toContain(
      walkIn.body.id,
    );
    await runRetention(env.db, env.app.platform, log, new Date(Date.now() + 91 * DAY));
    expect((await desk.get("/api/v1/visits")).body.total).toBe(0);
  });

  it("erases a resident's passes; the visits of the building's log stay, no longer linked", async () => {
    const { unitId: u } = await newUnit(env, { companyId, buildingId, code: "R-02.02" });
    const leaving = await newResident(env, admin, u, {
      fullName: "Người Rời Đi",
      email: `roi.${Date.now()}@example.vn`,
    });
    const pass = await leaving.client.post("/api/v1/me/guest-passes", {
      unitId: u,
      guestName: "Bạn Của Người Rời Đi",
      validFrom: iso(-HOUR),
      validUntil: iso(HOUR),
    });
    const visit = await desk.post(`/api/v1/guest-passes/${pass.body.id}/check-in`);
    expect((await leaving.client.post("/api/v1/privacy/requests", { kind: "erasure" })).status).toBe(201);
    await runDueErasures(env.db, env.app.platform, log, new Date(Date.now() + 5 * DAY));
    const { rows } = await env.db.ownerSql.query<{ n: number }>(
      "select count(*)::int as n from guest_passes where id = $1",
      [pass.body.id],
    );
    expect(rows[0]?.n).toBe(0);
    const log_ = await desk.get("/api/v1/visits");
    expect(log_.body.items.find((v: { id: string }) => v.id === visit.body.id)).toMatchObject({
      withPass: false,
    });
  });
});

describe("another company", () => {
  it("gets 404 on every parcel, pass and visit, and sees none of them", async () => {
    const parcel = (await receive(desk, { carrier: "Ninja Van" })).body;
    const pass = (
      await household.client.post("/api/v1/me/guest-passes", {
        unitId,
        guestName: "Khách Riêng",
        validFrom: iso(-HOUR),
        validUntil: iso(HOUR),
      })
    ).body;
    const visit = (await desk.post("/api/v1/visits", { unitId, guestName: "Khách Vãng Lai" })).body;
    const stranger = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: (await newUnit(env)).companyId }),
    );
    for (const res of [
      await stranger.post(`/api/v1/parcels/${parcel.id}/pickup`, { code: "123456" }),
      await stranger.get(`/api/v1/parcels/${parcel.id}/files/${parcel.id}`),
      await stranger.post(`/api/v1/guest-passes/${pass.id}/check-in`),
      await stranger.post(`/api/v1/visits/${visit.id}/check-out`),
      await stranger.get("/api/v1/reception/lookup", { code: pass.code }),
      await stranger.post("/api/v1/parcels", { unitId, carrier: "X" }),
    ])
      expect(res.status).toBe(404);
    expect((await stranger.get("/api/v1/parcels")).body.items).toEqual([]);
    expect((await stranger.get("/api/v1/visits")).body.items).toEqual([]);
    // Another building's manager of the same company does not see this desk's work either.
    const other = await signIn(
      env,
      await newMember(env, "building_manager", {
        companyId,
        buildingIds: [(await newUnit(env, { companyId })).buildingId],
      }),
    );
    expect((await other.post(`/api/v1/guest-passes/${pass.id}/check-in`)).status).toBe(404);
    expect((await other.get("/api/v1/reception/lookup", { code: pass.code })).status).toBe(404);
  });
});
