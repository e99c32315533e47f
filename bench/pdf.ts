import { encodeVietQr } from "../src/server/modules/billing/core/vietqr.js";
import { vndInWords } from "../src/server/modules/billing/core/words.js";
import {
  type FeeNoticeDoc,
  renderNotice,
  renderNotices,
} from "../src/server/modules/billing/invoices/notice.pdf.js";
import { result, rssMb } from "./common.js";

/** A typical notice: management fee, two motorbikes, electricity in four bands, water in three and its fee. */
function notice(i: number): FeeNoticeDoc {
  const code = `HD${String(10000001 + i)}`;
  const lines = [
    ["Phí quản lý", "72.3500", "m²", 15000, 1085250, 10],
    ["Phí gửi xe máy", "1.0000", "xe", 120000, 120000, 10],
    ["Phí gửi xe máy (xe thứ 2)", "1.0000", "xe", 150000, 150000, 10],
    ["Tiền điện bậc 1", "50.0000", "kWh", 1984, 99200, 8],
    ["Tiền điện bậc 2", "50.0000", "kWh", 2050, 102500, 8],
    ["Tiền điện bậc 3", "100.0000", "kWh", 2380, 238000, 8],
    ["Tiền điện bậc 4", "37.0000", "kWh", 2998, 110926, 8],
    ["Tiền nước bậc 1", "4.0000", "m³", 6700, 26800, 5],
    ["Tiền nước bậc 2", "2.0000", "m³", 12900, 25800, 5],
    ["Tiền nước bậc 3", "9.0000", "m³", 14400, 129600, 5],
  ] as const;
  const noticeLines = lines.map(([description, quantity, unit, unitPrice, amount, vatRate]) => ({
    description,
    quantity,
    unit,
    unitPrice,
    amount,
    vatRate,
    vat: Math.round((amount * vatRate) / 100),
    onBehalf: unit === "kWh" || unit === "m³",
  }));
  const subtotal = noticeLines.reduce((s, l) => s + l.amount, 0);
  const vatTotal = noticeLines.reduce((s, l) => s + l.vat, 0);
  const total = subtotal + vatTotal;
  return {
    company: {
      name: "Công ty Quản lý Demo",
      address: "123 Nguyễn Hữu Thọ, TP. Hồ Chí Minh",
      phone: "028 3812 3456",
      taxCode: "0312345678",
    },
    building: {
      name: "Chung cư Demo Riverside",
      address: "123 Nguyễn Hữu Thọ, Phường Tân Hưng, TP. Hồ Chí Minh",
    },
    unit: {
      code: `A-${String(1 + (i % 30)).padStart(2, "0")}.${String(1 + (i % 8)).padStart(2, "0")}`,
      areaM2: "72.35",
    },
    billTo: "Nguyễn Thị Hằng",
    number: `2026/${String(i + 1).padStart(6, "0")}`,
    code,
    period: "2026-11",
    issuedOn: "2026-12-01",
    dueOn: "2026-12-15",
    lines: noticeLines,
    subtotal,
    vatTotal,
    total,
    paid: 0,
    amountDue: total,
    amountInWords: vndInWords(total),
    bank: {
      bankName: "Ngân hàng TMCP Ngoại thương Việt Nam",
      accountNumber: "1023456789",
      accountName: "CONG TY QUAN LY DEMO",
    },
    qrPayload: encodeVietQr({ bankBin: "970436", account: "1023456789", amount: total, purpose: code }),
  };
}

export async function run(): Promise<void> {
  console.log(
    "pdf: fee notices rendered with pdfkit (fonts embedded, VietQR as an image); no baseline, DESIGN §7 targets",
  );
  await renderNotice(notice(0)); // fonts parsed once per process
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await renderNotice(notice(i));
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const docs = Array.from({ length: 1000 }, (_, i) => notice(i));
  const started = performance.now();
  const batch = await renderNotices(docs);
  const seconds = (performance.now() - started) / 1000;
  result("pdf", "none", {
    one_ms_median: (times[100] ?? 0).toFixed(1),
    one_ms_p90: (times[180] ?? 0).toFixed(1),
    batch_1000_s: seconds.toFixed(2),
    batch_kb: Math.round(batch.length / 1024),
    rss_mb: rssMb(),
  });
}
