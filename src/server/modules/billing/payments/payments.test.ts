import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  env,
  FEED_API_KEY,
  HMAC_SECRET,
  invoiceOf,
  month,
  newTransactionId,
  notify,
  post,
  rows,
  sepay,
  startBillingApp,
} from "../billing.fixture.js";
import { decodeVietQr } from "../core/vietqr.js";
import { SandboxBankFeed, signBankFeed } from "./bank-feed/sepay.js";
import { reconcileBankFeed } from "./reconcile.js";

startBillingApp();

describe("paying: transfer, cash, unmatched", () => {
  it("credits a transfer once however often the bank feed repeats it, partial then over-payment", {
    timeout: 90_000,
  }, async () => {
    const m = await month("issued");
    const a = await invoiceOf(m, "A-01.01");
    const mangled = `CT DEN:0123 NGUYEN THI HANG chuyen tien ${a.code.slice(0, 4).toLowerCase()} ${a.code.slice(4)} phi thang 11`;
    // The feed delivers the same transaction 1,000 times, 50 at a time.
    const statuses: number[] = [];
    const transactionId = newTransactionId();
    for (let batch = 0; batch < 20; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 50 }, () => notify(sepay(transactionId, 500000, mangled, m.account))),
      );
      statuses.push(...replies.map((r) => r.statusCode));
      expect(replies[0]?.json()).toEqual({ success: true });
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(1000);
    const partly = await invoiceOf(m, "A-01.01");
    expect(partly).toMatchObject({ status: "partially_paid", paid: 500000, balance: a.total - 500000 });
    expect(decodeVietQr(partly.transfer.qrPayload).amount).toBe(a.total - 500000);

    await notify(sepay(newTransactionId(), a.total - 500000 + 100000, `${a.code} thanh toan`, m.account));
    const paid = await invoiceOf(m, "A-01.01");
    expect(paid).toMatchObject({ status: "paid", paid: a.total, balance: 0, transfer: null });
    const payments = await rows<{ n: number; credit: string }>(
      sql`select count(*)::int as n, sum(p.amount) - (select sum(amount) from payment_allocations where company_id = ${m.companyId}) as credit
            from payments p where p.company_id = ${m.companyId}`,
    );
    expect(payments[0]).toMatchObject({ n: 2 });
    expect(Number(payments[0]?.credit)).toBe(100000);
  });

  it("authenticates the feed by HMAC over timestamp and body, refusing stale or wrong signatures", async () => {
    const body = JSON.stringify(sepay(newTransactionId(), 1000, "khong co ma"));
    const now = Math.floor(Date.now() / 1000);
    const send = (headers: Record<string, string>) =>
      env.app.inject({
        method: "POST",
        url: "/api/v1/bank-feed/sepay",
        headers: { "content-type": "application/json", ...headers },
        payload: body,
      });
    expect((await send(signBankFeed(body, HMAC_SECRET, now - 600))).statusCode).toBe(401);
    expect((await send(signBankFeed(body, "another-secret-0123456789", now))).statusCode).toBe(401);
    expect((await notify(JSON.parse(body), { authorization: "Apikey wrong-key" })).statusCode).toBe(401);
    // The configured key itself is refused while an HMAC secret is configured.
    const keyed = await notify(JSON.parse(body), { authorization: `Apikey ${FEED_API_KEY}` });
    expect(keyed.statusCode).toBe(401);
    expect(keyed.json().error.details).toEqual({ reason: "HMAC_REQUIRED" });
    const ok = await send(signBankFeed(body, HMAC_SECRET, now));
    expect(ok.statusCode).toBe(200);
  });

  it("keeps unmatched transfers for an accountant to match by hand", async () => {
    const m = await month("issued");
    const { accountant } = m;
    // A transfer of this test's own, whose memo names no notice: it waits in the queue, whatever else is there.
    expect(
      (await notify(sepay(newTransactionId(), 1000, "chuyen tien phi dich vu", m.account))).statusCode,
    ).toBe(200);
    const queue = await accountant.get("/api/v1/bank-transfers", { status: "unmatched", pageSize: 100 });
    const mine = queue.body.items.filter((t: { memo: string }) => t.memo === "chuyen tien phi dich vu");
    expect(mine).toHaveLength(1);
    const b = await invoiceOf(m, "A-01.02");
    const matched = await accountant.post(`/api/v1/bank-transfers/${mine[0].id}/match`, {
      invoiceId: b.id,
    });
    expect(matched.status).toBe(200);
    expect((await invoiceOf(m, "A-01.02")).paid).toBe(b.paid + 1000);
    const twice = await accountant.post(`/api/v1/bank-transfers/${mine[0].id}/match`, {
      invoiceId: b.id,
    });
    expect(twice.body.error.code).toBe("TRANSFER_ALREADY_MATCHED");
  });

  it("takes cash at the office with a numbered receipt", async () => {
    const m = await month("issued");
    const { accountant } = m;
    const c = await invoiceOf(m, "A-01.03");
    const cash = await post(accountant, "/payments/cash", { invoiceId: c.id, amount: c.total });
    expect(cash).toMatchObject({
      method: "cash",
      allocated: c.total,
      credit: 0,
      receiptNumber: expect.stringMatching(/^PT\d{4}\/000001$/),
    });
    expect((await invoiceOf(m, "A-01.03")).status).toBe("paid");
  });
});

describe("scheduled work", () => {
  it("picks up a transfer the webhook missed when it re-pulls the bank feed, once", async () => {
    const m = await month("issued");
    const b = await invoiceOf(m, "A-01.02");
    const feed = new SandboxBankFeed();
    feed.push({
      accountNumber: m.account,
      amount: b.balance,
      memo: `TT ${b.code}`,
      occurredAt: new Date(),
    });
    feed.push({
      accountNumber: "9999999999",
      amount: 5000,
      memo: "someone else's account",
      occurredAt: new Date(),
    });
    const first = await reconcileBankFeed(env.db, env.app.platform, feed);
    expect(first).toEqual({ seen: 2, matched: 1, unrouted: 1 });
    expect((await invoiceOf(m, "A-01.02")).status).toBe("paid");
    // Both were stored the first time: the unrouted one waits in the platform's queue, once.
    expect(await reconcileBankFeed(env.db, env.app.platform, feed)).toEqual({ seen: 2, duplicate: 2 });
  });
});
