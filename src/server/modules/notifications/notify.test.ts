import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, PASSWORD, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { startPushService } from "../../../../test/helpers/push-service.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { startZaloServer } from "../../../../test/helpers/zalo-server.js";
import { createLogger } from "../../platform/log/logger.js";
import { HttpZnsGateway } from "../../platform/messaging/zalo.js";
import { sendDueEverywhere } from "./send.task.js";
import { zaloSignature } from "./zalo-webhook.js";

const TOKEN = "zalo-test-token";
const OA_SECRET = "oa-secret-key";
const log = createLogger("silent");
let env: TestEnv;
let zalo: Awaited<ReturnType<typeof startZaloServer>>;
let pushService: Awaited<ReturnType<typeof startPushService>>;
let admin: Client;
let companyId: string;
let buildingId: string;
let resident: Awaited<ReturnType<typeof newResident>>;
const stamp = Date.now();
const residentEmail = `thu.${stamp}@example.vn`;

/** Sends what is due as if it were `hours` from now (past anyone's quiet hours, past any back-off). */
const sendAt = (hours = 0) =>
  sendDueEverywhere(env.db, env.app.platform, log, new Date(Date.now() + hours * 3600_000));

/** Vietnam's clock `minutes` from now, as "HH:MM". */
const vnClock = (minutes: number) =>
  new Date(Date.now() + (7 * 60 + minutes) * 60_000).toISOString().slice(11, 16);

async function deliveriesOf(title: string) {
  const { rows } = await env.db.ownerSql.query<{ channel: string; status: string; error: string | null }>(
    "select channel, status, error from notification_deliveries where company_id = $1 and data->>'title' = $2 order by channel",
    [companyId, title],
  );
  return rows;
}

async function publish(title: string, category = "notice") {
  const res = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
    title,
    body: "Nội dung thông báo",
    category,
  });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  zalo = await startZaloServer(TOKEN);
  pushService = await startPushService();
  env = await startTestApp(
    {
      signInPerMinute: 1000,
      zalo: {
        url: zalo.url,
        accessToken: TOKEN,
        templates: { "announcements.notice": "240001" },
        webhookSecret: OA_SECRET,
      },
    },
    { zns: new HttpZnsGateway({ url: zalo.url, accessToken: TOKEN }) },
  );
  const unit = await newUnit(env, { code: "A-03.01", block: "A", floor: 3 });
  ({ companyId, buildingId } = unit);
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  resident = await newResident(env, admin, unit.unitId, { fullName: "Đặng Thu", email: residentEmail });
  // A tenant registered by the office with a phone number only, who never installed the app.
  await admin.post(`/api/v1/units/${unit.unitId}/household`, {
    role: "tenant",
    fullName: "Lý Văn Không App",
    phone: "0987000111",
    leaseEndsOn: "2027-12-31",
  });
});

afterAll(async () => {
  await zalo.close();
  await pushService.close();
});

describe("the notification service", () => {
  it("reaches people without the app on Zalo, and a browser that subscribed by Web Push", async () => {
    const { publicKey } = (await resident.client.get("/api/v1/push/key")).body;
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    const subscription = pushService.subscribe(publicKey);
    expect((await resident.client.post("/api/v1/me/push-subscriptions", subscription)).status).toBe(200);
    // No quiet hours for this person, so the push goes now.
    await resident.client.put("/api/v1/me/notification-preferences", { categories: [], quietHours: null });

    await publish("Lịch phun thuốc muỗi");
    expect(await deliveriesOf("Lịch phun thuốc muỗi")).toEqual([
      { channel: "in_app", status: "sent", error: null },
      { channel: "push", status: "queued", error: null },
      { channel: "zalo", status: "queued", error: null },
    ]);
    await sendAt(12);
    const push = pushService.received.find((p) => p.payload.includes("Lịch phun thuốc muỗi"));
    expect(JSON.parse(push?.payload ?? "{}")).toMatchObject({
      title: "Lịch phun thuốc muỗi",
      url: expect.stringMatching(/^http:\/\/chungcu\.test\/app\/announcements\/[0-9a-f-]{36}$/),
    });
    const zns = zalo.messages.find((m) => m.template_data.title === "Lịch phun thuốc muỗi");
    expect(zns).toMatchObject({ phone: "84987000111", template_id: "240001" });
    expect((await deliveriesOf("Lịch phun thuốc muỗi")).map((d) => d.status)).toEqual([
      "sent",
      "sent",
      "sent",
    ]);

    // Zalo tells that the phone received it: the delivery is delivered. A forged event changes nothing.
    const event = (trackingId: string) =>
      JSON.stringify({
        app_id: "4312",
        event_name: "user_received_message",
        timestamp: "1764900000000",
        message: { msg_id: "a1b2", tracking_id: trackingId },
      });
    const post = (body: string, signature: string) =>
      env.app.inject({
        method: "POST",
        url: "/api/v1/webhooks/zalo",
        payload: body,
        headers: { "content-type": "application/json", "x-zevent-signature": signature },
      });
    const signed = event(zns?.tracking_id ?? "");
    const forged = await post(signed, zaloSignature("4312", event("x"), "1764900000000", OA_SECRET));
    expect(forged.statusCode).toBe(401);
    const real = await post(signed, zaloSignature("4312", signed, "1764900000000", OA_SECRET));
    expect(real.json()).toEqual({ received: true, delivered: true });
    expect((await deliveriesOf("Lịch phun thuốc muỗi")).find((d) => d.channel === "zalo")?.status).toBe(
      "delivered",
    );
  });

  it("keeps to the person's choices: a channel turned off gets nothing, quiet hours hold the phone", async () => {
    const prefs = await resident.client.put("/api/v1/me/notification-preferences", {
      categories: [{ category: "building", channels: { email: true, push: false, sms: true } }],
      quietHours: { from: vnClock(-60), to: vnClock(60) },
    });
    expect(prefs.status).toBe(200);
    const building = prefs.body.categories.find((c: { category: string }) => c.category === "building");
    expect(building.channels).toMatchObject({ email: true, push: false, sms: true });

    await publish("Họp cư dân tháng 12");
    const mine = (await deliveriesOf("Họp cư dân tháng 12")).filter((d) => d.channel !== "zalo");
    expect(mine.map((d) => d.channel)).toEqual(["email", "in_app"]);
    // The test app has an SMS gateway but the resident's account has no phone: no SMS delivery either.
    const before = env.smtp.mails.length;
    await sendAt(0);
    expect(env.smtp.mails.slice(before).some((m) => m.to.includes(residentEmail))).toBe(true);
  });

  it("holds Zalo for someone without the app during quiet hours, and sends it when they end", async () => {
    await publish("Cắt điện tầng 3");
    // Sent at 02:00 in Hà Nội it would wait until 07:00; whatever the hour now, eight hours on is past any hold.
    const { rows } = await env.db.ownerSql.query<{ held: boolean }>(
      `select not_before > now() as held from notification_deliveries
        where company_id = $1 and data->>'title' = 'Cắt điện tầng 3' and channel = 'zalo'`,
      [companyId],
    );
    const vnHour = Number(vnClock(0).slice(0, 2));
    expect(rows[0]?.held).toBe(vnHour >= 21 || vnHour < 7);
    await sendAt(10);
    expect(zalo.messages.some((m) => m.template_data.title === "Cắt điện tầng 3")).toBe(true);
  });

  it("puts what cannot be delivered in the dead letters, for the company admin to send again", async () => {
    zalo.refuseNext(-118, "Zalo account not existed");
    await publish("Thu phí gửi xe");
    await sendAt(10);
    expect(await deliveriesOf("Thu phí gửi xe")).toContainEqual({
      channel: "zalo",
      status: "failed",
      error: "ZNS_-118",
    });
    const dead = await admin.get("/api/v1/notifications/dead-letters");
    expect(dead.status).toBe(200);
    const letter = dead.body.items.find((d: { title: string }) => d.title === "Thu phí gửi xe");
    expect(letter).toMatchObject({ channel: "zalo", recipient: "Lý Văn Không App", unitCode: "A-03.01" });
    expect((await resident.client.get("/api/v1/notifications/dead-letters")).status).toBe(403);
    const other = await signIn(env, await newMember(env, "company_admin"));
    expect(JSON.stringify((await other.get("/api/v1/notifications/dead-letters")).body)).not.toContain(
      "Thu phí gửi xe",
    );

    const again = await admin.post("/api/v1/notifications/dead-letters/resend", { ids: [letter.id] });
    expect(again.body).toEqual({ queued: 1 });
    await sendAt(10);
    expect((await deliveriesOf("Thu phí gửi xe")).find((d) => d.channel === "zalo")?.status).toBe("sent");
  });

  it("tries again after a temporary failure, with a back-off, and then delivers", async () => {
    zalo.failNext(503);
    await publish("Tạm ngừng cấp gas");
    await sendAt(10);
    const { rows } = await env.db.ownerSql.query<{
      status: string;
      attempts: number;
      error: string;
      wait: number;
    }>(
      `select status, attempts, error, extract(epoch from not_before - now())::int as wait
         from notification_deliveries where company_id = $1 and data->>'title' = 'Tạm ngừng cấp gas' and channel = 'zalo'`,
      [companyId],
    );
    // The first back-off is a minute from the try; the try was made "ten hours from now".
    expect(rows[0]).toMatchObject({ status: "queued", attempts: 1, error: "ZNS_HTTP_503" });
    expect(rows[0]?.wait).toBeLessThan(120);
    await sendAt(11);
    expect((await deliveriesOf("Tạm ngừng cấp gas")).find((d) => d.channel === "zalo")?.status).toBe("sent");
  });

  it("speaks each person's language, and an emergency goes at once whatever their quiet hours", async () => {
    await resident.client.request("PATCH", "/api/v1/me", { lang: "en" });
    await resident.client.put("/api/v1/me/notification-preferences", {
      categories: [{ category: "building", channels: { email: true } }],
      quietHours: { from: vnClock(-60), to: vnClock(60) },
    });
    expect((await admin.post("/api/v1/auth/reauth", { password: PASSWORD })).status).toBe(200);
    const sent = await admin.post(`/api/v1/buildings/${buildingId}/emergency`, {
      title: "Cháy tầng hầm",
      body: "Mọi người rời tòa nhà bằng cầu thang bộ.",
    });
    expect(sent.status).toBe(201);
    const before = pushService.received.length;
    const mails = env.smtp.mails.length;
    await sendAt(0);
    // Pushed now, not at the end of the quiet hours; worded in the resident's language (the title is the staff's).
    const pushed = pushService.received.slice(before).map((p) => JSON.parse(p.payload));
    expect(pushed).toContainEqual(expect.objectContaining({ title: "EMERGENCY: Cháy tầng hầm" }));
    const mail = env.smtp.mails.slice(mails).find((m) => m.to.includes(residentEmail));
    expect(mail?.raw).toContain("EMERGENCY");
    await resident.client.request("PATCH", "/api/v1/me", { lang: "vi" });
  });

  it("sends marketing only with consent, and a withdrawal stops what is still queued", async () => {
    await resident.client.put("/api/v1/me/notification-preferences", {
      categories: [{ category: "marketing", channels: { email: true } }],
      quietHours: null,
    });
    await publish("Ưu đãi giặt ủi", "promotion");
    expect(await deliveriesOf("Ưu đãi giặt ủi")).toEqual([]);
    await resident.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: true });
    await publish("Ưu đãi nước uống", "promotion");
    expect((await deliveriesOf("Ưu đãi nước uống")).map((d) => [d.channel, d.status])).toEqual([
      ["email", "queued"],
      ["in_app", "sent"],
      ["push", "queued"],
    ]);
    await resident.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: false });
    expect((await deliveriesOf("Ưu đãi nước uống")).map((d) => [d.channel, d.status])).toEqual([
      ["email", "cancelled"],
      ["in_app", "sent"],
      ["push", "cancelled"],
    ]);
    const before = env.smtp.mails.length;
    await sendAt(0);
    expect(env.smtp.mails.slice(before).some((m) => m.to.includes(residentEmail))).toBe(false);
  });

  it("refuses quiet hours that are not a time, in the person's language", async () => {
    const res = await resident.client.put("/api/v1/me/notification-preferences", {
      categories: [],
      quietHours: { from: "25:00", to: "07:00" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(res.body.error.details)).toContain("quietHours");
  });
});
