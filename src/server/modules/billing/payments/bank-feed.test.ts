import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../../test/helpers/app.js";
import { newAccount, newBuilding, newMember, newUnit, signIn } from "../../../../../test/helpers/builders.js";
import type { Client } from "../../../../../test/helpers/client.js";
import { SandboxBankFeed, signBankFeed } from "./bank-feed/sepay.js";
import { reconcileBankFeed } from "./reconcile.js";

/** Who owns an account number, and where a transfer goes when no company does: it is never lost. */
let env: TestEnv;
const HMAC_SECRET = "bank-feed-test-secret-0123456789";
let nextId = 70_000 + Math.floor(Math.random() * 1000) * 100;

type Company = { companyId: string; buildingId: string; admin: Client };
let first: Company;
let second: Company;
let platform: Client;

async function company(): Promise<Company> {
  const owner = await newMember(env, "company_admin");
  const { buildingId } = await newBuilding(env, owner.companyId);
  return { companyId: owner.companyId, buildingId, admin: await signIn(env, owner) };
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await env.db.owner.execute(query)) as unknown as { rows: T[] }).rows;
}

const account = () => `0${String(Date.now()).slice(-9)}${Math.floor(Math.random() * 90 + 10)}`;

function register(c: Company, accountNumber: string, buildingId = c.buildingId) {
  return c.admin.post("/api/v1/bank-accounts", {
    buildingId,
    bankBin: "970436",
    accountNumber,
    accountName: "CONG TY QUAN LY",
  });
}

/** Posts a transaction as SePay would, signed. */
function deliver(t: { id?: number; accountNumber: string; amount: number; memo: string }) {
  const id = t.id ?? nextId++;
  const payload = JSON.stringify({
    id,
    gateway: "Vietcombank",
    transactionDate: "2026-12-02 09:15:00",
    accountNumber: t.accountNumber,
    subAccount: null,
    code: null,
    content: t.memo,
    transferType: "in",
    transferAmount: t.amount,
    accumulated: 0,
    referenceCode: `FT${id}`,
    description: "",
  });
  return env.app.inject({
    method: "POST",
    url: "/api/v1/bank-feed/sepay",
    headers: {
      "content-type": "application/json",
      ...signBankFeed(payload, HMAC_SECRET, Math.floor(Date.now() / 1000)),
    },
    payload,
  });
}

/** Every place a transfer can be kept: a company's transfers and the platform's unrouted queue. */
async function whereIs(externalId: number) {
  const routed = await rows<{ company_id: string; status: string }>(
    sql`select company_id, status from bank_transfers where external_id = ${String(externalId)}`,
  );
  const unrouted = await rows<{ status: string; company_id: string | null }>(
    sql`select status, company_id from bank_feed_inbox where external_id = ${String(externalId)} and status <> 'routed'`,
  );
  return { routed, unrouted };
}

beforeAll(async () => {
  env = await startTestApp({ bankFeed: { hmacSecret: HMAC_SECRET } });
  first = await company();
  second = await company();
  platform = await signIn(env, await newAccount(env, { platformAdmin: true }));
});

describe("who owns a bank account number", () => {
  it("refuses a number another company holds, with a clear error, and keeps routing to the holder", async () => {
    const number = account();
    expect((await register(first, number)).status).toBe(201);
    const refused = await register(second, number);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("BANK_ACCOUNT_HELD");
    expect(refused.body.error.message).toContain("công ty khác");
    expect(refused.body.error.details.fields).toHaveProperty("accountNumber");
    // The holder may print it on another of its buildings.
    const other = await newBuilding(env, first.companyId);
    expect((await register(first, number, other.buildingId)).status).toBe(201);

    const id = nextId++;
    const reply = await deliver({ id, accountNumber: number, amount: 250000, memo: "phi thang 11" });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ success: true });
    const kept = await whereIs(id);
    expect(kept.routed).toEqual([{ company_id: first.companyId, status: "unmatched" }]);
    expect(kept.unrouted).toEqual([]);
  });

  it("lets only the platform admin move a number to another company, with an audit entry", async () => {
    const number = account();
    expect((await register(first, number)).status).toBe(201);
    const path = `/api/v1/platform/bank-account-owners/${number}`;
    expect((await first.admin.put(path, { companyId: first.companyId })).status).toBe(403);
    const moved = await platform.put(path, { companyId: second.companyId });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ accountNumber: number, companyId: second.companyId });
    expect((await platform.put(path, { companyId: "00000000-0000-4000-8000-00000000dead" })).status).toBe(
      404,
    );
    expect((await register(second, number)).status).toBe(201);
    expect((await register(first, account())).status).toBe(201);

    const id = nextId++;
    expect((await deliver({ id, accountNumber: number, amount: 1000, memo: "x" })).statusCode).toBe(200);
    expect((await whereIs(id)).routed).toEqual([{ company_id: second.companyId, status: "unmatched" }]);
    const entries = await rows<{ action: string }>(
      sql`select action from audit_log where company_id = '00000000-0000-0000-0000-000000000000'
           and action = 'bank_account.owner_change' and entity_id = ${number}`,
    );
    expect(entries).toHaveLength(1);
  });
});

describe("a transfer no company can take", () => {
  it("is stored once in the platform's queue before the feed hears success, however often it comes", async () => {
    const id = nextId++;
    const number = account();
    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        deliver({ id, accountNumber: number, amount: 777000, memo: "HD99999999" }),
      ),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(replies.map(() => 200));
    const kept = await whereIs(id);
    expect(kept.routed).toEqual([]);
    expect(kept.unrouted).toEqual([{ status: "unrouted", company_id: null }]);

    // Company staff do not see the platform's queue; the platform admin does.
    expect((await first.admin.get("/api/v1/platform/unrouted-transfers")).status).toBe(403);
    const queue = await platform.get("/api/v1/platform/unrouted-transfers", { status: "unrouted" });
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((t: { externalId: string }) => t.externalId === String(id));
    expect(item).toMatchObject({
      accountNumber: number,
      amount: 777000,
      memo: "HD99999999",
      status: "unrouted",
    });
  });

  it("goes to the company the platform admin assigns it to, which matches it like any transfer", async () => {
    const { unitId } = await newUnit(env, { companyId: first.companyId, buildingId: first.buildingId });
    const [invoice] = await rows<{ id: string; code: string }>(
      sql`insert into invoices (company_id, building_id, unit_id, period, status, area_m2, subtotal, total, issued_at)
          values (${first.companyId}, ${first.buildingId}, ${unitId}, '2026-11', 'issued', 70.5, 480000, 480000, now())
          returning id, code`,
    );
    if (!invoice) throw new Error("invoice");
    const id = nextId++;
    const reply = await deliver({
      id,
      accountNumber: account(),
      amount: 480000,
      memo: `NGUYEN VAN A chuyen tien ${invoice.code}`,
    });
    expect(reply.statusCode).toBe(200);
    const queue = await platform.get("/api/v1/platform/unrouted-transfers", { status: "unrouted" });
    const item = queue.body.items.find((t: { externalId: string }) => t.externalId === String(id));
    const path = `/api/v1/platform/unrouted-transfers/${item.id}/assign`;
    expect((await first.admin.post(path, { companyId: first.companyId })).status).toBe(403);
    const assigned = await platform.post(path, { companyId: first.companyId });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      status: "assigned",
      companyId: first.companyId,
      transfer: "matched",
    });
    const again = await platform.post(path, { companyId: second.companyId });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("TRANSFER_ALREADY_ASSIGNED");

    const [paid] = await rows<{ status: string; paid: string }>(
      sql`select status, paid from invoices where company_id = ${first.companyId} and id = ${invoice.id}`,
    );
    expect(paid).toEqual({ status: "paid", paid: expect.anything() });
    expect(Number(paid?.paid)).toBe(480000);
    expect((await whereIs(id)).routed).toEqual([{ company_id: first.companyId, status: "matched" }]);
    const audit = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where company_id = '00000000-0000-0000-0000-000000000000'
           and action = 'bank_transfer.assign' and entity_id = ${item.id}`,
    );
    expect(audit[0]?.n).toBe(1);
    // A later delivery of the same transaction changes nothing.
    await deliver({ id, accountNumber: "x", amount: 480000, memo: invoice.code });
    expect((await whereIs(id)).routed).toHaveLength(1);
  });

  it("is stored once when the re-pull of the feed brings it again", async () => {
    const feed = new SandboxBankFeed();
    const number = account();
    feed.push({
      externalId: String(nextId++),
      accountNumber: number,
      amount: 5000,
      memo: "?",
      occurredAt: new Date(),
    });
    expect(await reconcileBankFeed(env.db, env.app.platform, feed)).toEqual({ seen: 1, unrouted: 1 });
    expect(await reconcileBankFeed(env.db, env.app.platform, feed)).toEqual({ seen: 1, duplicate: 1 });
    const kept = await rows<{ n: number }>(
      sql`select count(*)::int as n from bank_feed_inbox where account_number = ${number}`,
    );
    expect(kept[0]?.n).toBe(1);
  });
});
