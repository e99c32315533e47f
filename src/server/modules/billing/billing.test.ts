import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { TEST_MASTER_KEY } from "../../../../test/helpers/app.js";
import { newMember, signIn } from "../../../../test/helpers/builders.js";
import {
  env,
  invoiceOf,
  month,
  newTransactionId,
  notify,
  PERIOD,
  rows,
  sepay,
  startBillingApp,
} from "./billing.fixture.js";

startBillingApp();

describe("another company", () => {
  it("cannot see or touch any of this building's billing", async () => {
    const m = await month("issued");
    const { companyId, buildingId, admin, unitIds } = m;
    // A transfer waiting in this company's queue.
    expect((await notify(sepay(newTransactionId(), 1000, "chuyen khoan", m.account))).statusCode).toBe(200);
    const stranger = await signIn(env, await newMember(env, "company_admin"));
    const a = await invoiceOf(m, "A-01.01");
    const rule = (await admin.get("/api/v1/fee-rules", { buildingId })).body.items[0];
    const run = await rows<{ id: string }>(
      sql`select id from billing_runs where company_id = ${companyId} limit 1`,
    );
    const transfer = await rows<{ id: string }>(
      sql`select id from bank_transfers where company_id = ${companyId} limit 1`,
    );
    const checks = await Promise.all([
      stranger.get(`/api/v1/invoices/${a.id}`),
      stranger.get(`/api/v1/invoices/${a.id}/pdf`),
      stranger.get("/api/v1/invoices", { buildingId }),
      stranger.get("/api/v1/fee-rules", { buildingId }),
      stranger.put(`/api/v1/fee-rules/${rule.id}`, { ...rule, warnings: undefined, id: undefined, price: 1 }),
      stranger.delete(`/api/v1/fee-rules/${rule.id}`),
      stranger.get(`/api/v1/billing-runs/${run[0]?.id}`),
      stranger.post("/api/v1/billing-runs", { buildingId, period: PERIOD }),
      stranger.post("/api/v1/invoices/issue", { buildingId, period: PERIOD }),
      stranger.get("/api/v1/bank-accounts", { buildingId }),
      stranger.get(`/api/v1/buildings/${buildingId}/billing-settings`),
      stranger.post("/api/v1/payments/cash", { invoiceId: a.id, amount: 1000 }),
      stranger.post(`/api/v1/bank-transfers/${transfer[0]?.id}/match`, { invoiceId: a.id }),
      stranger.post("/api/v1/meter-readings", {
        unitId: unitIds["A-01.01"],
        kind: "water",
        period: PERIOD,
        reading: 1,
        readOn: "2026-11-30",
      }),
    ]);
    expect(checks.map((r, i) => `${i}:${r.status}`)).toEqual(checks.map((_, i) => `${i}:404`));
    expect((await stranger.get("/api/v1/bank-transfers")).body.items).toEqual([]);
    expect(TEST_MASTER_KEY).toBeTruthy();
  });
});
