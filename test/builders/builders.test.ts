import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { buildFeeRule, buildInvoice, buildPayment, newMember, signIn } from "../helpers/builders.js";

/** The billing builders make whatever parents they are not given, and rows the API reads as it would its own. */
let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

describe("billing builders", () => {
  it("a payment brings its notice, unit, building and company, and settles the notice", async () => {
    const paid = await buildPayment(env, { amount: 100_000 });
    const admin = await signIn(env, await newMember(env, "company_admin", { companyId: paid.companyId }));
    const notice = await admin.get(`/api/v1/invoices/${paid.invoiceId}`);
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ status: "paid", total: 100_000, paid: 100_000, balance: 0 });
  });

  it("a notice and a fee rule join the parents they are given", async () => {
    const rule = await buildFeeRule(env);
    const open = await buildInvoice(env, {
      companyId: rule.companyId,
      buildingId: rule.buildingId,
      amount: 50_000,
    });
    expect(open).toMatchObject({ companyId: rule.companyId, buildingId: rule.buildingId });
    const admin = await signIn(env, await newMember(env, "company_admin", { companyId: rule.companyId }));
    const rules = await admin.get("/api/v1/fee-rules", { buildingId: rule.buildingId });
    expect(rules.body.items.map((r: { id: string }) => r.id)).toEqual([rule.feeRuleId]);
    const notice = await admin.get(`/api/v1/invoices/${open.invoiceId}`);
    expect(notice.body).toMatchObject({ status: "issued", total: 50_000, paid: 0 });
  });
});
