import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import { flaggedIn } from "../../../../../test/helpers/issue.js";
import {
  env,
  type Month,
  newMonth,
  PERIOD,
  post,
  rows,
  runMonth,
  startBillingApp,
} from "../billing.fixture.js";

startBillingApp();

/*
 * Hand computation (November 2026, 30 days; EVN household tariff from 2025-05-10, bands of 50/50/100/100/100 kWh
 * at 1,984 / 2,050 / 2,380 / 2,998 / 3,350 / 3,460 đ, VAT 8 % per line, rounded half up):
 * 99,999 kWh: 50 × 1,984 = 99,200 (VAT 7,936) · 50 × 2,050 = 102,500 (8,200) · 100 × 2,380 = 238,000 (19,040) ·
 *   100 × 2,998 = 299,800 (23,984) · 100 × 3,350 = 335,000 (26,800) · 99,599 × 3,460 = 344,612,540
 *   (27,569,003.2 → 27,569,003). Lines 345,687,040 + VAT 27,654,963 = 373,342,003; with the 50,000 đ fixed fee
 *   373,392,003 đ.
 * 160 kWh: 99,200 + 102,500 + 60 × 2,380 = 142,800 → 344,500, VAT 7,936 + 8,200 + 11,424 = 27,560 → 372,060;
 *   with the fixed fee 422,060. 170 kWh: 99,200 + 102,500 + 166,600 = 368,300, VAT 7,936 + 8,200 + 13,328 = 29,464
 *   → 397,764; with the fee 447,764.
 * The period's notices: A-01.03 (handed over 16/11, no reading) 25,000 (fee for 15 of 30 days); 150, 160, 170,
 * 180 kWh and 99,999 kWh. Building median of totals = (422,060 + 447,764) / 2 = 434,912; × 5 = 2,174,560.
 * Median of consumption: 150, 160, 170, 180, 99,999 → 170; × 5 = 850.
 */
const OUTLIER_TOTAL = 373_392_003;
const KWH: Record<string, number> = {
  "A-01.01": 99_999,
  "A-01.02": 150,
  "A-01.04": 160,
  "A-01.05": 170,
  "A-01.06": 180,
};

/** A building of six flats billed for electricity (EVN) and a 50,000 đ fixed fee, its first month drafted. */
async function drafted(): Promise<Month> {
  const m = await newMonth();
  const { admin, buildingId, unitIds } = m;
  for (const code of ["A-01.04", "A-01.05", "A-01.06"]) {
    const unit = await post(admin, "/units", {
      buildingId,
      code,
      block: "A",
      floor: 1,
      areaM2: 50,
      type: "apartment",
      status: "occupied",
      handoverDate: "2020-01-01",
    });
    unitIds[code] = unit.id;
  }
  const rule = { buildingId, validFrom: "2025-01-01" };
  await post(admin, "/fee-rules", {
    ...rule,
    kind: "electricity",
    name: "Tiền điện",
    tariffCode: "evn-household",
    vatRate: 8,
    onBehalf: true,
  });
  await post(admin, "/fee-rules", { ...rule, kind: "fixed", name: "Phí vệ sinh", price: 50_000, vatRate: 0 });
  for (const [code, kwh] of Object.entries(KWH)) {
    await post(admin, "/meter-readings", {
      unitId: unitIds[code],
      kind: "electricity",
      period: PERIOD,
      previous: 1000,
      reading: 1000 + kwh,
      readOn: "2026-11-30",
    });
  }
  await runMonth(m);
  return m;
}

const review = (m: Month) =>
  post(m.accountant, "/billing-reviews", { buildingId: m.buildingId, period: PERIOD });
const codes = (items: { unitCode: string }[]) => items.map((i) => i.unitCode).sort();

describe("the review before issuing", () => {
  it("lists the missing reading, the 99,999 kWh outlier with its total, and the units billed for the first time", async () => {
    const m = await drafted();
    const r = await review(m);
    expect(r.drafts).toBe(6);
    expect(r.missingReadings).toEqual([
      expect.objectContaining({ unitCode: "A-01.03", kinds: ["electricity"], total: 25_000 }),
    ]);
    expect(r.missingReadings[0].invoiceId).toEqual(expect.any(String));
    expect(r.outliers).toHaveLength(1);
    const [outlier] = r.outliers;
    expect(outlier).toMatchObject({ unitCode: "A-01.01", total: OUTLIER_TOTAL });
    expect(outlier.reasons).toEqual([
      { metric: "electricity", value: 99_999, median: 170, threshold: 850, basis: "building" },
      { metric: "total", value: OUTLIER_TOTAL, median: 434_912, threshold: 2_174_560, basis: "building" },
    ]);
    // Its own notice says the same figure.
    const notice = (await m.accountant.get(`/api/v1/invoices/${outlier.invoiceId}`)).body;
    expect(notice.total).toBe(OUTLIER_TOTAL);
    expect(codes(r.firstTime)).toEqual(["A-01.01", "A-01.02", "A-01.03", "A-01.04", "A-01.05", "A-01.06"]);
    expect(r.changed).toEqual([]);
    expect(r.flagged).toBe(6);
  });

  it("refuses to issue while a flagged notice is undecided, issues the rest, keeps the excluded one a draft and audits the choice", async () => {
    const m = await drafted();
    const { accountant, buildingId } = m;
    const r = await review(m);
    const refused = await accountant.post("/api/v1/invoices/issue", {
      buildingId,
      period: PERIOD,
      reviewId: r.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "REVIEW_UNDECIDED",
      details: { count: 6, missingReadings: 1, outliers: 1, firstTime: 6, changed: 0 },
    });
    expect(refused.body.error.message).toMatch(/^Còn 6 thông báo phí cần xem lại/);
    // In the accountant's language once they choose English.
    expect((await accountant.patch("/api/v1/me", { lang: "en" })).status).toBe(200);
    const inEnglish = await accountant.post("/api/v1/invoices/issue", {
      buildingId,
      period: PERIOD,
      reviewId: r.id,
    });
    expect(inEnglish.body.error.message).toMatch(/^6 fee notices need a look before issuing/);
    await accountant.patch("/api/v1/me", { lang: "vi" });

    const outlierId = r.outliers[0].invoiceId as string;
    const others = flaggedIn(r).filter((id) => id !== outlierId);
    // One decision short: still refused, nothing issued.
    const short = await accountant.post("/api/v1/invoices/issue", {
      buildingId,
      period: PERIOD,
      reviewId: r.id,
      decisions: others.map((invoiceId) => ({ invoiceId, choice: "issue" })),
    });
    expect(short.status).toBe(409);
    expect(short.body.error.details).toMatchObject({ count: 1, outliers: 1, invoiceIds: [outlierId] });
    const issuedNone = await rows<{ n: number }>(
      sql`select count(*)::int as n from invoices where company_id = ${m.companyId} and status <> 'draft'`,
    );
    expect(issuedNone[0]?.n).toBe(0);

    const decisions = [
      ...others.map((invoiceId) => ({ invoiceId, choice: "issue" })),
      { invoiceId: outlierId, choice: "exclude", reason: "Kiểm tra lại công tơ" },
    ];
    const issued = await post(
      accountant,
      "/invoices/issue",
      { buildingId, period: PERIOD, reviewId: r.id, decisions },
      200,
    );
    expect(issued).toMatchObject({ issued: 5, excluded: 1 });
    expect((await accountant.get(`/api/v1/invoices/${outlierId}`)).body).toMatchObject({
      status: "draft",
      number: null,
    });
    const [entry] = await rows<{ actor: string; role: string; changes: Record<string, unknown> }>(
      sql`select actor_account_id::text as actor, actor_role as role, changes from audit_log
           where company_id = ${m.companyId} and action = 'billing.review_decision'`,
    );
    expect(entry?.role).toBe("accountant");
    expect(entry?.actor).toBe(m.accountantAccountId);
    expect(entry?.changes).toMatchObject({
      period: PERIOD,
      reviewId: r.id,
      acceptedAll: false,
      flagged: 6,
      exclude: [outlierId],
      reasons: { [outlierId]: "Kiểm tra lại công tơ" },
    });
    expect([...((entry?.changes.issue ?? []) as string[])].sort()).toEqual([...others].sort());

    // The reading corrected (1000 → 1180) and the month run again: the next review shows the notice as changed
    // since the last one, no longer an outlier.
    await post(m.admin, "/meter-readings", {
      unitId: m.unitIds["A-01.01"],
      kind: "electricity",
      period: PERIOD,
      previous: 1000,
      reading: 1180,
      readOn: "2026-11-30",
    });
    // The old review no longer matches the drafts.
    await runMonth(m);
    const stale = await accountant.post("/api/v1/invoices/issue", {
      buildingId,
      period: PERIOD,
      reviewId: r.id,
      decisions,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("REVIEW_STALE");
    const again = await review(m);
    // 180 kWh: 99,200 + 102,500 + 80 × 2,380 = 190,400 → 392,100; VAT 7,936 + 8,200 + 15,232 = 31,368;
    // 423,468, and 473,468 with the 50,000 fee.
    expect(again.changed).toEqual([
      expect.objectContaining({ invoiceId: outlierId, before: OUTLIER_TOTAL, total: 473_468 }),
    ]);
    expect(again.outliers).toEqual([]);
    expect(again.missingReadings.map((x: { invoiceId: string | null }) => x.invoiceId)).toEqual([null]);
    const last = await post(
      accountant,
      "/invoices/issue",
      {
        buildingId,
        period: PERIOD,
        reviewId: again.id,
        decisions: flaggedIn(again).map((invoiceId) => ({ invoiceId, choice: "issue" })),
      },
      200,
    );
    expect(last).toMatchObject({ issued: 1, excluded: 0 });
  });

  it("flags a consumption three times the unit's own median of its last months", async () => {
    const m = await newMonth();
    const { admin, buildingId, unitIds } = m;
    await post(admin, "/fee-rules", {
      buildingId,
      validFrom: "2025-01-01",
      kind: "electricity",
      name: "Tiền điện",
      tariffCode: "evn-household",
      vatRate: 8,
    });
    // Aug–Oct: 140, 150, 160 kWh (median 150); November 500 (confirmed past the reading's own check).
    let previous = 1000;
    for (const [period, kwh] of [
      ["2026-08", 140],
      ["2026-09", 150],
      ["2026-10", 160],
      [PERIOD, 500],
    ] as const) {
      await post(admin, "/meter-readings", {
        unitId: unitIds["A-01.02"],
        kind: "electricity",
        period,
        previous,
        reading: previous + kwh,
        readOn: `${period}-28`,
        confirmUnusual: true,
      });
      previous += kwh;
    }
    await runMonth(m);
    const r = await review(m);
    expect(r.outliers).toHaveLength(1);
    expect(r.outliers[0]).toMatchObject({ unitCode: "A-01.02" });
    expect(r.outliers[0].reasons[0]).toEqual({
      metric: "electricity",
      value: 500,
      median: 150,
      threshold: 450,
      basis: "unit",
    });
  });

  it("is the building's company's alone", async () => {
    const m = await drafted();
    const r = await review(m);
    const otherAdmin = await newMember(env, "company_admin");
    const other = await signIn(env, otherAdmin);
    const theirs = await other.post("/api/v1/billing-reviews", { buildingId: m.buildingId, period: PERIOD });
    expect(theirs.status).toBe(404);
    const own = (await post(other, "/buildings", {
      name: "Tòa khác",
      address: "1 Lê Lợi",
      blocks: [{ name: "B", floors: 2 }],
    })) as { id: string };
    // Another company's review id reaches nothing: the issue of their own building does not find it.
    const foreign = await other.post("/api/v1/invoices/issue", {
      buildingId: own.id,
      period: PERIOD,
      reviewId: r.id,
    });
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(m.buildingId);
    // Nor does their review of their own building list anything of this one.
    const mine = await post(other, "/billing-reviews", { buildingId: own.id, period: PERIOD });
    expect(mine).toMatchObject({ drafts: 0, missingReadings: [], outliers: [], firstTime: [], changed: [] });
  });
});
