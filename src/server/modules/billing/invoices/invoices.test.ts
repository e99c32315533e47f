import { sql } from "drizzle-orm";
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { newMember, signIn } from "../../../../../test/helpers/builders.js";
import { readPng } from "../../../../../test/helpers/png.js";
import {
  env,
  invoiceOf,
  issueMonth,
  month,
  PERIOD,
  rows,
  runMonth,
  startBillingApp,
} from "../billing.fixture.js";
import { decodeVietQr } from "../core/vietqr.js";

startBillingApp();

describe("issuing notices", () => {
  it("issues gap-free numbers in unit order with a VietQR for the balance and a PDF", async () => {
    const m = await month("drafted");
    const { buildingId, accountant } = m;
    const issued = await issueMonth(m);
    expect(issued).toEqual({ issued: 3, firstNumber: expect.stringMatching(/^\d{4}\/000001$/), excluded: 0 });
    const list = await accountant.get("/api/v1/invoices", { buildingId, period: PERIOD });
    expect(
      list.body.items.map((i: { unitCode: string; number: string }) => [i.unitCode, i.number.slice(5)]),
    ).toEqual([
      ["A-01.01", "000001"],
      ["A-01.02", "000002"],
      ["A-01.03", "000003"],
    ]);
    const a = await invoiceOf(m, "A-01.01");
    const qr = decodeVietQr(a.transfer.qrPayload);
    expect(qr).toMatchObject({
      bankBin: "970436",
      account: m.account,
      amount: a.total,
      purpose: a.code,
      kind: "dynamic",
    });
    const pdf = await accountant.get(`/api/v1/invoices/${a.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
  });

  it("the resident sees only their unit's notices", async () => {
    const { companyId, buildingId, accountant, unitIds } = await month("issued");
    const resident = await signIn(
      env,
      await newMember(env, "resident", { companyId, unitIds: [unitIds["A-01.01"] as string] }),
    );
    const mine = await resident.get("/api/v1/invoices");
    expect(mine.body.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(["A-01.01"]);
    const other = (await accountant.get("/api/v1/invoices", { buildingId, q: "A-01.02" })).body.items[0];
    expect((await resident.get(`/api/v1/invoices/${other.id}`)).status).toBe(404);
    expect((await resident.get(`/api/v1/invoices/${other.id}/pdf`)).status).toBe(404);
  });

  it("gives the resident the VietQR as a PNG to save, which reads back as the notice's payload", async () => {
    const { companyId, buildingId, accountant, unitIds } = await month("issued");
    const resident = await signIn(
      env,
      await newMember(env, "resident", { companyId, unitIds: [unitIds["A-01.01"] as string] }),
    );
    const [mine] = (await resident.get("/api/v1/invoices")).body.items;
    const notice = (await resident.get(`/api/v1/invoices/${mine.id}`)).body;
    const res = await resident.get(`/api/v1/invoices/${mine.id}/vietqr.png`);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="VietQR-${notice.code}.png"`);
    const png = readPng(res.raw);
    const read = jsQR(png.rgba, png.width, png.height);
    expect(read?.data).toBe(notice.transfer.qrPayload);
    expect(decodeVietQr(read?.data ?? "")).toMatchObject({ amount: notice.balance, purpose: notice.code });

    const others = (await accountant.get("/api/v1/invoices", { buildingId, q: "A-01.02" })).body.items;
    expect((await resident.get(`/api/v1/invoices/${others[0].id}/vietqr.png`)).status).toBe(404);
  });

  it("writes one audit entry per run and per issue, not one per notice", async () => {
    const m = await month("issued");
    const { companyId, buildingId } = m;
    const runEntries = () =>
      rows<{ n: number; count: number }>(
        sql`select count(*)::int as n, max((changes->>'count')::int) as count from audit_log
             where company_id = ${companyId} and action = 'billing.run'`,
      );
    const [before] = await runEntries();
    await runMonth(m);
    const [after] = await runEntries();
    // One more run, one more entry, covering the month's notices (not one entry per notice).
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(1);
    expect(after?.count).toBeGreaterThanOrEqual(3);
    // Every issued notice of the building is covered by an issue entry, and there are fewer entries than notices.
    const [issue] = await rows<{ n: number; covered: number; issued: number }>(
      sql`select count(*)::int as n, coalesce(sum((changes->>'count')::int), 0)::int as covered,
                 (select count(*)::int from invoices where company_id = ${companyId} and building_id = ${buildingId}
                     and number is not null) as issued
            from audit_log where company_id = ${companyId} and action = 'invoice.issue' and entity_id = ${buildingId}`,
    );
    expect(issue?.covered).toBe(issue?.issued);
    expect(issue?.n).toBeLessThan(issue?.issued ?? 0);
  });
});
