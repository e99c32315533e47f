import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { invoiceOf, issueMonth, month, PERIOD, post, runMonth, startBillingApp } from "../billing.fixture.js";

startBillingApp();

/** The PDF's text, page by page, items joined by spaces (non-breaking spaces made plain). */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    pages.push(items.map((i) => ("str" in i ? i.str : "")).join(" "));
  }
  return pages
    .join(" ")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ");
}

/*
 * in November 2026 (30 days, EVN tariff from 2025-05-10): 1,000 → 1,250 = 250 kWh, in bands
 * 50 × 1,984 = 99,200 · 50 × 2,050 = 102,500 · 100 × 2,380 = 238,000 · 50 × 2,998 = 149,900 (VAT 8 %:
 * 7,936 · 8,200 · 19,040 · 11,992). Water 100 → 118 = 18 m³.
 */
describe("a notice shows each meter's readings and its bands", () => {
  it("in the API and the PDF, and keeps the readings it was issued with", async () => {
    const m = await month("readings");
    await runMonth(m);
    const draft = await invoiceOf(m, "A-01.01");
    expect(draft.meters).toEqual([
      {
        kind: "electricity",
        previous: 1000,
        current: 1250,
        consumption: 250,
        unitLabel: "kWh",
        readOn: "2026-11-30",
      },
      { kind: "water", previous: 100, current: 118, consumption: 18, unitLabel: "m³", readOn: "2026-11-30" },
    ]);
    const bands = draft.lines
      .filter((l: { kind: string }) => l.kind === "electricity")
      .map((l: { quantity: string; unitPrice: number; amount: number; vat: number }) => [
        Number(l.quantity),
        l.unitPrice,
        l.amount,
        l.vat,
      ]);
    expect(bands).toEqual([
      [50, 1984, 99_200, 7_936],
      [50, 2050, 102_500, 8_200],
      [100, 2380, 238_000, 19_040],
      [50, 2998, 149_900, 11_992],
    ]);

    await issueMonth(m);
    const text = await pdfText((await m.accountant.get(`/api/v1/invoices/${draft.id}/pdf`)).raw as Buffer);
    expect(text).toContain("Chỉ số công tơ");
    expect(text).toContain("Điện: cũ 1.000 · mới 1.250 · tiêu thụ 250 kWh");
    expect(text).toContain("Nước: cũ 100 · mới 118 · tiêu thụ 18 m³");
    expect(text).toMatch(/Tiền điện bậc 4 .*50 kWh 2\.998 ₫ 149\.900 ₫ 8% 11\.992 ₫/);
    expect(text).toMatch(/Tiền điện bậc 3 .*100 kWh 2\.380 ₫ 238\.000 ₫ 8% 19\.040 ₫/);

    // The reading corrected after issue (1,240): the issued notice still shows what it charged; the
    // adjustment carries the difference.
    await post(m.admin, "/meter-readings", {
      unitId: m.unitIds["A-01.01"],
      kind: "electricity",
      period: PERIOD,
      previous: 1000,
      reading: 1240,
      readOn: "2026-11-30",
    });
    const issued = (await m.accountant.get(`/api/v1/invoices/${draft.id}`)).body;
    expect(issued.meters[0]).toMatchObject({ previous: 1000, current: 1250, consumption: 250 });
  });
});
