import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { create, type Font } from "fontkit";
import jsQR from "jsqr";
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import {
  type FeeNoticeDoc,
  type NoticeLine,
  renderNotice,
  renderNotices,
  withFastLayout,
} from "./notice.pdf.js";

// A VietQR payload (NAPAS EMVCo) for 1,200,000 đ to 0011001234567 at BIN 970436, memo HD2611A1205; CRC checked.
const PAYLOAD =
  "00020101021238570010A00000072701270006970436011300110012345670208QRIBFTTA5303704540712000005802VN62150811HD2611A12056304FD02";

const line = (over: Partial<NoticeLine>): NoticeLine => ({
  description: "Phí quản lý tháng 11/2026",
  quantity: "72.5",
  unit: "m²",
  unitPrice: 8500,
  amount: 616250,
  vatRate: 8,
  vat: 49300,
  onBehalf: false,
  ...over,
});

const notice = (over: Partial<FeeNoticeDoc> = {}): FeeNoticeDoc => ({
  company: {
    name: "Công ty CP Quản lý Bất động sản Sông Hồng",
    address: "12 Phố Huế, Hà Nội",
    phone: "024 3826 1234",
    taxCode: "0101234567",
  },
  building: { name: "Chung cư Sông Hồng", address: "Số 5 Nghi Tàm, Tây Hồ, Hà Nội" },
  unit: { code: "A-12.05", areaM2: "72.50" },
  billTo: "Nguyễn Thị Hằng",
  number: "2026/000123",
  code: "HD2611A1205",
  period: "2026-11",
  issuedOn: "2026-12-01",
  dueOn: "2026-12-10",
  lines: [
    line({}),
    line({
      description: "Tiền điện sinh hoạt",
      quantity: "194",
      unit: "kWh",
      unitPrice: 2140.5,
      amount: 415257,
      vat: 33221,
      onBehalf: true,
    }),
    line({
      description: "Tiền nước sinh hoạt",
      quantity: "12",
      unit: "m³",
      unitPrice: 8500,
      amount: 102000,
      vatRate: 5,
      vat: 5100,
      onBehalf: true,
    }),
  ],
  subtotal: 1133507,
  vatTotal: 87621,
  total: 1221128,
  paid: 21128,
  amountDue: 1200000,
  amountInWords: "Một triệu hai trăm nghìn đồng",
  bank: {
    bankName: "Vietcombank",
    accountNumber: "0011001234567",
    accountName: "CONG TY CP QUAN LY BDS SONG HONG",
  },
  qrPayload: PAYLOAD,
  ...over,
});

async function open(pdf: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

/** The page's text, items joined by spaces, non-breaking spaces made plain, runs of spaces collapsed. */
async function pageText(page: PDFPageProxy): Promise<string> {
  const { items } = await page.getTextContent();
  return items
    .map((item) => ("str" in item ? item.str : ""))
    .join(" ")
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ");
}

async function texts(doc: PDFDocumentProxy): Promise<string[]> {
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await pageText(await doc.getPage(n)));
  return pages;
}

type Drawn = {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  drawnWidth: number;
  interpolate: boolean;
};

/** Every image painted on the page, with its pixels as RGBA and the width it is drawn at (PDF points). */
async function images(page: PDFPageProxy): Promise<Drawn[]> {
  const ops = await page.getOperatorList();
  const found: Drawn[] = [];
  let matrix: number[] = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.transform) matrix = Array.from(args as number[]);
    if (fn !== OPS.paintImageXObject) continue;
    const id = args[0] as string;
    const objs = id.startsWith("g_") ? page.commonObjs : page.objs;
    const img = await new Promise<any>((resolve) => objs.get(id, resolve));
    found.push({
      width: img.width,
      height: img.height,
      rgba: toRgba(img),
      drawnWidth: matrix[0]!,
      interpolate: Boolean(img.interpolate),
    });
  }
  return found;
}

/** pdf.js hands images over as 1-bit grey (kind 1), RGB (2) or RGBA (3). */
function toRgba(img: { width: number; height: number; kind: number; data: Uint8Array }): Uint8ClampedArray {
  const { width, height, kind, data } = img;
  const out = new Uint8ClampedArray(width * height * 4);
  const rowBytes = Math.ceil(width / 8);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      let v: [number, number, number];
      if (kind === 1) {
        const on = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        v = on ? [255, 255, 255] : [0, 0, 0];
      } else if (kind === 2) v = [data[p * 3]!, data[p * 3 + 1]!, data[p * 3 + 2]!];
      else v = [data[p * 4]!, data[p * 4 + 1]!, data[p * 4 + 2]!];
      out.set([...v, 255], p * 4);
    }
  }
  return out;
}

/** Nearest-neighbour upscale, so that jsQR sees modules several pixels wide. */
function upscale(rgba: Uint8ClampedArray, width: number, height: number, k: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * k * height * k * 4);
  for (let y = 0; y < height * k; y++) {
    for (let x = 0; x < width * k; x++) {
      const src = (Math.floor(y / k) * width + Math.floor(x / k)) * 4;
      out.set(rgba.subarray(src, src + 4), (y * width * k + x) * 4);
    }
  }
  return out;
}

function decodeQr(img: Drawn): string | undefined {
  const k = 6;
  return jsQR(upscale(img.rgba, img.width, img.height, k), img.width * k, img.height * k)?.data;
}

describe("fee-notice PDF", () => {
  it("prints the notice in Vietnamese with vi-VN money and dates, and a VietQR code that decodes", async () => {
    const pdf = await renderNotice(notice());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Upscaled without smoothing: pdfkit writes no /Interpolate, and viewers must not interpolate either.
    expect(pdf.includes("/Interpolate")).toBe(false);

    const doc = await open(pdf);
    expect(doc.numPages).toBe(1);
    const page = await doc.getPage(1);
    expect(page.view).toEqual([0, 0, 595.28, 841.89]);
    const text = await pageText(page);
    for (const expected of [
      "THÔNG BÁO PHÍ",
      "Fee notice",
      "Công ty CP Quản lý Bất động sản Sông Hồng",
      "Chung cư Sông Hồng",
      "Nguyễn Thị Hằng",
      "Phí quản lý tháng 11/2026",
      "Tiền điện sinh hoạt",
      "Thu hộ",
      "Tháng 11/2026",
      "A-12.05",
      "72,5 m²",
      "2026/000123",
      "HD2611A1205",
      "01/12/2026",
      "10/12/2026",
      "616.250 ₫",
      "2.140,5 ₫",
      "Cộng tiền hàng",
      "1.133.507 ₫",
      "Thuế GTGT",
      "87.621 ₫",
      "Tổng cộng",
      "1.221.128 ₫",
      "Đã thanh toán",
      "21.128 ₫",
      "Còn phải nộp",
      "1.200.000 ₫",
      "Bằng chữ",
      "Một triệu hai trăm nghìn đồng",
      "Vietcombank",
      "0011001234567",
      "CONG TY CP QUAN LY BDS SONG HONG",
      "Quét mã để chuyển khoản đúng số tiền và nội dung",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("NHÁP");
    expect(text).not.toContain("Thanh toán tại văn phòng");

    const [qr, ...others] = await images(page);
    expect(others).toHaveLength(0);
    // One pixel per module plus a 4-module quiet zone, drawn at least 2 pt per module.
    expect(qr!.width).toBe(qr!.height);
    expect((qr!.width - 8 - 17) % 4).toBe(0);
    expect(qr!.drawnWidth / qr!.width).toBeGreaterThanOrEqual(2);
    expect(qr!.interpolate).toBe(false);
    expect(decodeQr(qr!)).toBe(PAYLOAD);
  });

  it("marks a draft with a watermark and, without a bank account, points to the office", async () => {
    const doc = await open(
      await renderNotice(notice({ number: null, issuedOn: null, bank: null, qrPayload: null })),
    );
    const page = await doc.getPage(1);
    const text = await pageText(page);
    expect(text).toContain("NHÁP / DRAFT");
    expect(text).toContain("Thanh toán tại văn phòng Ban quản lý");
    expect(text).toContain("HD2611A1205");
    expect(text).not.toContain("Quét mã");
    expect(await images(page)).toHaveLength(0);
  });

  it("spills 40 lines onto a second page, repeating the table head and keeping the totals together", async () => {
    const tag = (i: number) => `Dòng ${String(i).padStart(2, "0")}`;
    const lines = Array.from({ length: 40 }, (_, i) =>
      line({ description: `${tag(i + 1)} — Phí gửi xe máy` }),
    );
    const doc = await open(await renderNotice(notice({ lines })));
    expect(doc.numPages).toBe(2);
    const [first, second] = await texts(doc);

    expect(first).toContain("Còn tiếp trang sau");
    expect(first).not.toContain("Còn phải nộp");
    expect(second).toContain("Trang 2");
    expect(second).toContain("Nội dung");
    expect(second).toContain(tag(40));
    for (const label of ["Cộng tiền hàng", "Tổng cộng", "Còn phải nộp", "Bằng chữ", "Quét mã"]) {
      expect(second).toContain(label);
    }
    for (let i = 1; i <= 40; i++) {
      const where = [first, second].filter((t) => t!.includes(tag(i)));
      expect(where, tag(i)).toHaveLength(1);
    }
    const [qr] = await images(await doc.getPage(2));
    expect(decodeQr(qr!)).toBe(PAYLOAD);
  });

  it("puts a batch in one PDF, each notice from a new page, the watermark only on drafts", async () => {
    // Its CRC no longer matches; only what the code carries matters here.
    const other = PAYLOAD.replace("HD2611A1205", "HD2611B0301");
    const pdf = await renderNotices([
      notice(),
      notice({
        code: "HD2611B0301",
        unit: { code: "B-03.01", areaM2: "55" },
        number: null,
        qrPayload: other,
      }),
    ]);
    const doc = await open(pdf);
    expect(doc.numPages).toBe(2);
    const [a, b] = await texts(doc);
    expect(a).toContain("A-12.05");
    expect(a).not.toContain("NHÁP");
    expect(b).toContain("B-03.01");
    expect(b).toContain("55 m²");
    expect(b).toContain("NHÁP / DRAFT");
    const [qr] = await images(await doc.getPage(2));
    expect(decodeQr(qr!)).toBe(other);
  });

  it("refuses an empty batch", async () => {
    await expect(renderNotices([])).rejects.toThrow(RangeError);
  });

  it("lays out text exactly as fontkit does, amounts and dates included, for both weights", () => {
    const require = createRequire(import.meta.url);
    const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });
    const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
    for (const file of ["400Regular/BeVietnamPro_400Regular.ttf", "700Bold/BeVietnamPro_700Bold.ttf"]) {
      const data = readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`));
      const plain = create(data) as Font;
      const fast = withFastLayout(create(data) as Font);
      const same = (text: string) => {
        const want = plain.layout(text);
        const got = fast.layout(text);
        // pdfkit scales the positions it is given in place: a second call must not see that.
        for (const p of got.positions) p.xAdvance *= 1000;
        const again = fast.layout(text);
        expect(
          again.glyphs.map((g) => g.id),
          text,
        ).toEqual(want.glyphs.map((g) => g.id));
        expect(
          again.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
          text,
        ).toEqual(want.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]));
        expect(again.advanceWidth, text).toBe(want.advanceWidth);
      };
      for (const text of [
        "Nguyễn Thị Hằng",
        "Còn phải nộp",
        "Tháng 11/2026",
        "72,5 m²",
        "HD2611A1205",
        "fi ffl",
      ]) {
        same(text);
      }
      fc.assert(
        fc.property(
          fc.integer({ min: -99_999_999, max: 9_999_999_999 }),
          fc.integer({ min: 0, max: 9_999 }),
          fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
          (amount, hundredths, day) => {
            same(vnd.format(amount));
            same(`${decimal.format(hundredths / 100)}\u00a0₫`);
            same(`${decimal.format(hundredths / 100)}%`);
            same(day.toISOString().slice(0, 10).split("-").reverse().join("/"));
          },
        ),
        { numRuns: 150 },
      );
    }
  });
});
