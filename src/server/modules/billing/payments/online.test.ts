import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { issueReviewed } from "../../../../../test/helpers/issue.js";
import { action, hidden, pathOf } from "../../../../../test/helpers/sandbox.js";
import { SANDBOX_CARDS } from "./gateway/sandbox.js";

/** Card payment through the gateway protocol (local sandbox), and auto-debit of new notices. */
let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let accountant: Client;
let resident: Client;
let residentEmail: string;
let period = 0;

const submit = (url: string, fields: Record<string, string>) =>
  env.app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });

async function count(query: ReturnType<typeof sql>) {
  return ((await env.db.owner.execute(query)) as unknown as { rows: { n: number }[] }).rows[0]?.n;
}

/** Bills and issues the next month; answers the unit's new notice. */
async function issueMonth() {
  period += 1;
  const month = `2027-${String(period).padStart(2, "0")}`;
  const run = await accountant.post("/api/v1/billing-runs", { buildingId, period: month });
  expect(run.status).toBe(202);
  await expect
    .poll(async () => (await accountant.get(`/api/v1/billing-runs/${run.body.id}`)).body.status, {
      timeout: 30_000,
    })
    .toBe("done");
  expect((await issueReviewed(accountant, buildingId, month)).status).toBe(200);
  return (await resident.get("/api/v1/invoices", { period: month })).body.items[0];
}

beforeAll(async () => {
  env = await startTestApp({ jobs: true, signInPerMinute: 1000 });
  const admin = await newMember(env, "company_admin");
  companyId = admin.companyId;
  const adminClient = await signIn(env, admin);
  const building = await adminClient.post("/api/v1/buildings", {
    name: "Chung cư Hoa Sen",
    address: "5 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh",
    blocks: [{ name: "B", floors: 3 }],
  });
  buildingId = building.body.id;
  const unit = await adminClient.post("/api/v1/units", {
    buildingId,
    code: "B-02.07",
    block: "B",
    floor: 2,
    areaM2: 80,
  });
  unitId = unit.body.id;
  await adminClient.post("/api/v1/fee-rules", {
    buildingId,
    kind: "area",
    name: "Phí quản lý",
    price: 10000,
    vatRate: 10,
    validFrom: "2026-01-01",
  });
  accountant = await signIn(
    env,
    await newMember(env, "accountant", { companyId, buildingIds: [buildingId] }),
  );
  const person = await newMember(env, "resident", { companyId, unitIds: [unitId] });
  residentEmail = person.email;
  resident = await signIn(env, person);
});

describe("paying a notice by card through the gateway", () => {
  it("goes to the gateway page, pays, and the IPN marks the notice paid once", async () => {
    const notice = await issueMonth();
    expect(notice.total).toBe(880000);
    expect((await accountant.post(`/api/v1/invoices/${notice.id}/pay-online`)).status).toBe(403);
    const start = await resident.post(`/api/v1/invoices/${notice.id}/pay-online`);
    expect(start.status).toBe(200);
    expect(start.body.url).toMatch(/^http:\/\/chungcu\.test\/sandbox\/vnpay\/paymentv2\/vpcpay\.html\?/);
    expect(new URL(start.body.url).searchParams.get("vnp_Amount")).toBe("88000000");

    const page = await env.app.inject({ method: "GET", url: pathOf(start.body.url) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/880\.000\s₫/);
    const paid = await submit(action(page.body), { ...hidden(page.body), decision: "pay" });
    expect(paid.statusCode).toBe(303);
    const back = String(paid.headers.location);
    // The browser returns through our return URL, which sends it to the notice.
    const returned = await env.app.inject({ method: "GET", url: pathOf(back) });
    expect(returned.headers.location).toBe(`/app/invoices/${notice.id}?payment=paid`);
    expect((await resident.get(`/api/v1/invoices/${notice.id}`)).body).toMatchObject({
      status: "paid",
      paid: 880000,
    });

    // The gateway repeating its IPN changes nothing: 02 "already confirmed".
    const ipn = Object.fromEntries(new URL(back).searchParams);
    const again = await env.app.inject({
      method: "GET",
      url: `/api/v1/gateway/vnpay/ipn?${new URLSearchParams(ipn).toString()}`,
    });
    expect(again.json()).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    expect(
      await count(
        sql`select count(*)::int as n from payments where company_id = ${companyId} and method = 'card'`,
      ),
    ).toBe(1);
  });

  it("refuses a notification with a bad signature or another amount", async () => {
    const notice = await issueMonth();
    const start = await resident.post(`/api/v1/invoices/${notice.id}/pay-online`);
    const page = await env.app.inject({ method: "GET", url: pathOf(start.body.url) });
    const paid = await submit(action(page.body), { ...hidden(page.body), decision: "cancel" });
    const query = Object.fromEntries(new URL(String(paid.headers.location)).searchParams);
    const tampered = { ...query, vnp_Amount: "100" };
    const bad = await env.app.inject({
      method: "GET",
      url: `/api/v1/gateway/vnpay/ipn?${new URLSearchParams(tampered).toString()}`,
    });
    expect(bad.json()).toEqual({ RspCode: "97", Message: "Invalid signature" });
    const returned = await env.app.inject({
      method: "GET",
      url: `/api/v1/gateway/vnpay/return?${new URLSearchParams(tampered).toString()}`,
    });
    expect(returned.headers.location).toBe("/app/invoices?payment=invalid");
    expect((await resident.get(`/api/v1/invoices/${notice.id}`)).body.status).toBe("issued");
  });
});

describe("auto-debit", () => {
  async function saveCard(card: { number: string; holder: string; issued: string }) {
    const start = await resident.post(`/api/v1/units/${unitId}/autopay`);
    expect(start.status).toBe(200);
    const page = await env.app.inject({ method: "GET", url: pathOf(start.body.url) });
    const res = await submit(action(page.body), {
      ...hidden(page.body),
      card_number: card.number,
      card_holder: card.holder,
      card_issued: card.issued,
      decision: "create",
    });
    const back = await env.app.inject({ method: "GET", url: pathOf(String(res.headers.location)) });
    return back.headers.location;
  }

  it("charges each new notice to the saved card once authorised", async () => {
    expect(await saveCard(SANDBOX_CARDS.ok)).toBe("/app/invoices?autopay=on");
    const status = await resident.get(`/api/v1/units/${unitId}/autopay`);
    expect(status.body).toMatchObject({ active: true, cardMasked: expect.stringMatching(/198$/) });
    const notice = await issueMonth();
    await expect
      .poll(async () => (await resident.get(`/api/v1/invoices/${notice.id}`)).body.status, {
        timeout: 30_000,
      })
      .toBe("paid");
  });

  it("retries a declined card, then tells the resident; cancelling stops the charges", async () => {
    expect(await saveCard(SANDBOX_CARDS.declined)).toBe("/app/invoices?autopay=on");
    const notice = await issueMonth();
    // After the last attempt the resident is told by email, with the amount and the bank's code.
    const told = () =>
      env.smtp.mails.some((m) => {
        const body = m.raw.replace(/=\r?\n/g, "");
        return m.to.includes(residentEmail) && body.includes("880.000") && body.includes("51)");
      });
    await expect.poll(told, { timeout: 20_000 }).toBe(true);
    expect((await resident.get(`/api/v1/invoices/${notice.id}`)).body.status).toBe("issued");

    expect((await resident.delete(`/api/v1/units/${unitId}/autopay`)).status).toBe(204);
    expect((await resident.get(`/api/v1/units/${unitId}/autopay`)).body.active).toBe(false);
    const next = await issueMonth();
    // Charges are queued in the issuing transaction: no job for this notice means none will ever run (the
    // declined notice's job shows the query finds one when it is there).
    const queued = (invoiceId: string) =>
      count(
        sql`select count(*)::int as n from pgboss.job where name = 'billing.autopay'
             and data->'data'->'invoiceIds' ? ${invoiceId}`,
      );
    expect(await queued(notice.id)).toBe(1);
    expect(await queued(next.id)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from gateway_payments where company_id = ${companyId} and invoice_id = ${next.id}`,
      ),
    ).toBe(0);
  });

  it("is only for the unit's own residents, and other companies see nothing", async () => {
    const stranger = await signIn(env, await newMember(env, "resident"));
    expect((await stranger.get(`/api/v1/units/${unitId}/autopay`)).status).toBe(404);
    expect((await stranger.post(`/api/v1/units/${unitId}/autopay`)).status).toBe(404);
  });
});
