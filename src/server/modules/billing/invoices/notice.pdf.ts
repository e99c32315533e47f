/**
 * Fee notices (thông báo phí) as PDF: one A4 page or more per notice, Vietnamese first with short English,
 * ending with the payment box and its VietQR code.
 *
 * Speed (DESIGN §7: one notice ≤ 30 ms, 1,000 in one batch ≤ 3 s) shapes the code. pdfkit is used for the
 * PDF objects, fonts and images, but the layout is done here: every string is placed at a computed position
 * without pdfkit's line wrapper, text is wrapped by a small greedy wrapper, the fonts are read and parsed
 * once per process (with their text layout memoised), and a page's content operators are written in one
 * piece. The QR code is a tiny PNG (one pixel per module) that the PDF scales up without smoothing, so a
 * test can decode it from the parsed PDF without rasterising the page.
 */

import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";
import { VN_TIME_ZONE } from "../../../../contracts/time.js";
import { FONT_BOLD, FONT_REGULAR, finishPdf, newPdfDocument } from "../../../platform/documents/pdf.js";

// The fast text layout lives with the shared font loader; its unit test is here, next to the notice it serves.
export { withFastLayout } from "../../../platform/documents/pdf.js";

/** One line of a fee notice, as stored on the invoice. */
export type NoticeLine = {
  /** What is charged, e.g. "Phí quản lý tháng 11/2026". */
  description: string;
  /** Quantity as a decimal string ("72.5", "1"); printed with a decimal comma. */
  quantity: string;
  /** Unit of measure: "m²", "kWh", "m³", "xe", "tháng". */
  unit: string;
  /** Price per unit in VND (may carry decimals, e.g. a per-m² rate). */
  unitPrice: number;
  /** Line amount before VAT, whole VND. */
  amount: number;
  /** VAT rate in percent (8 for 8 %). */
  vatRate: number;
  /** VAT of the line, whole VND. */
  vat: number;
  /** Collected on behalf of others (thu hộ: electricity, water passed on to the utility). */
  onBehalf: boolean;
};

/** A meter behind the metered lines: "Điện" 1.234 → 1.384 = 150 kWh. */
export type NoticeMeter = {
  /** What the meter measures, e.g. "Điện" or "Nước". */
  label: string;
  previous: number;
  current: number;
  consumption: number;
  /** "kWh" or "m³". */
  unit: string;
};

/** Everything printed on one fee notice; the caller has already computed amounts and words. */
export type FeeNoticeDoc = {
  /** The management company that issues the notice. */
  company: {
    name: string;
    address: string | null;
    phone: string | null;
    taxCode: string | null;
    /** The company's logo (PNG or JPEG), printed left of its name. */
    logo?: Buffer | null;
  };
  building: { name: string; address: string | null };
  /** Unit code as the building writes it and its area in m² as a decimal string. */
  unit: { code: string; areaM2: string };
  /** The owner's full name. */
  billTo: string | null;
  /** Gap-free number given at issue, e.g. "2026/000123"; null on a draft, which gets a watermark. */
  number: string | null;
  /** Invoice code, used as the bank-transfer memo, e.g. "HD2611A1205". */
  code: string;
  /** Billing period "YYYY-MM". */
  period: string;
  /** ISO date of issue (null on a draft) and due date. */
  issuedOn: string | null;
  dueOn: string;
  /**
   * Each meter charged: its previous and current reading and the consumption (the bands are lines of the
   * table, quantity × price). Absent or empty: no readings box.
   */
  meters?: NoticeMeter[];
  lines: NoticeLine[];
  subtotal: number;
  vatTotal: number;
  total: number;
  paid: number;
  amountDue: number;
  /** The amount due in Vietnamese words, e.g. "Một triệu hai trăm nghìn đồng". */
  amountInWords: string;
  /** The account to transfer to; null prints "pay at the office". */
  bank: { bankName: string; accountNumber: string; accountName: string } | null;
  /** VietQR payload to draw as a QR code; null draws none. */
  qrPayload: string | null;
};

const R = FONT_REGULAR;
const B = FONT_BOLD;

// ---------------------------------------------------------------------------------------------------------
// Formatting (vi-VN): money `1.234.567 ₫`, dates dd/MM/yyyy.

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });
const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const quantityFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
const zonedDate = new Intl.DateTimeFormat("en-GB", {
  timeZone: VN_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

function money(n: number): string {
  return vnd.format(n);
}

/** A unit price may carry decimals (a per-m² rate); printed like money with up to two decimals. */
function price(n: number): string {
  return Number.isInteger(n) ? vnd.format(n) : `${decimal.format(n)}\u00a0₫`;
}

function quantity(text: string): string {
  return /^-?\d+(\.\d+)?$/.test(text) ? quantityFormat.format(Number(text)) : text;
}

function area(m2: string): string {
  return `${/^\d+(\.\d+)?$/.test(m2) ? decimal.format(Number(m2)) : m2} m²`;
}

/** "2026-12-10" → "10/12/2026"; a timestamp is shown as its date in the business time zone. */
function date(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : zonedDate.format(at);
}

/** "2026-11" → "Tháng 11/2026". */
function periodLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `Tháng ${m[2]}/${m[1]}` : period;
}

/** Be Vietnam Pro has every Vietnamese letter, ₫ and ², but no arrows: spell those out. */
const ARROWS = /[→⇒⟶]/g;
function printable(text: string): string {
  return text.replace(ARROWS, (a) => (a === "⇒" ? "=>" : "->"));
}

// ---------------------------------------------------------------------------------------------------------
// QR code as a PNG at one pixel per module, grey 8-bit, with the 4-module quiet zone the standard asks for.

const QUIET = 4;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The payload's QR code (error correction M) as a greyscale PNG, one pixel per module. */
function qrPng(payload: string): Buffer {
  const { size, data } = QRCode.create(payload, { errorCorrectionLevel: "M" }).modules;
  const side = size + 2 * QUIET;
  const stride = side + 1; // a filter byte (0, none) starts each row
  const raw = Buffer.alloc(stride * side, 0xff);
  for (let y = 0; y < side; y++) raw[y * stride] = 0;
  for (let r = 0; r < size; r++) {
    const row = (r + QUIET) * stride + 1 + QUIET;
    for (let c = 0; c < size; c++) if (data[r * size + c]) raw[row + c] = 0;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace stay 0
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Layout, in PDF points on A4 (595.28 × 841.89).

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const M = 40;
/** Width and height of the logo's place in the header, in points. */
const LOGO_BOX = 52;
const W = PAGE_W - 2 * M;
const BOTTOM = PAGE_H - M;
const INK = "#1a1a1a";
const GREY = "#6b6b6b";
const RULE = "#c9ced6";
const FILL = "#eef2f7";
const ACCENT = "#1f4e79";

type Column = { vi: string; en: string; width: number; align: Align };
const COLUMNS: Column[] = [
  { vi: "Nội dung", en: "Description", width: 187, align: "left" },
  { vi: "SL", en: "Qty", width: 44, align: "right" },
  { vi: "ĐVT", en: "Unit", width: 36, align: "center" },
  { vi: "Đơn giá", en: "Unit price", width: 78, align: "right" },
  { vi: "Thành tiền", en: "Amount", width: 82, align: "right" },
  { vi: "VAT", en: "Rate · tax", width: 88, align: "right" },
];
const PAD = 4;
const QR_SIZE = 112;

type Doc = PDFKit.PDFDocument;
type Align = "left" | "center" | "right";

type TextStyle = { font?: string; size?: number; color?: string };

/** Writes notices into one pdfkit document; `y` is the cursor, managed here rather than by pdfkit. */
class NoticeWriter {
  private y = M;
  private page = 1;
  /** The fill colour last set on this page, or undefined when unknown (after a fill or a new page). */
  private color: string | undefined;
  private notice!: FeeNoticeDoc;
  private box: PaymentBox | undefined;

  constructor(private readonly doc: Doc) {}

  write(notice: FeeNoticeDoc): void {
    this.notice = notice;
    this.box = undefined;
    this.page = 1;
    this.doc.addPage();
    this.startPage();
    this.header();
    this.details();
    this.meters();
    this.table();
  }

  // --- primitives --------------------------------------------------------------------------------------

  /** Sets font, size and colour; the colour only when it changes, since pdfkit re-parses it on every call. */
  private style({ font = R, size = 9, color = INK }: TextStyle): Doc {
    const doc = this.doc.font(font).fontSize(size);
    if (color !== this.color) {
      doc.fillColor(color);
      this.color = color;
    }
    return doc;
  }

  /**
   * One line of text, never wrapped (numbers, labels), aligned here: without a width pdfkit skips its line
   * wrapper, which is most of the cost of a short string.
   */
  private line(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    align: Align = "left",
  ): void {
    const doc = this.style(style);
    const s = printable(text);
    let dx = 0;
    if (align !== "left") {
      const free = width - doc.widthOfString(s);
      dx = align === "right" ? free : free / 2;
    }
    doc.text(s, x + dx, y, { lineBreak: false });
  }

  /** Text wrapped to a width; returns its height. */
  private block(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    align: Align = "left",
  ): number {
    const lines = this.wrap(text, width, style);
    const lineHeight = this.doc.currentLineHeight(true);
    lines.forEach((l, i) => {
      this.line(l, x, y + i * lineHeight, width, style, align);
    });
    return lines.length * lineHeight;
  }

  private measure(text: string, width: number, style: TextStyle): number {
    return this.wrap(text, width, style).length * this.doc.currentLineHeight(true);
  }

  /**
   * Greedy wrapping at spaces (a word longer than the line is cut where it overflows). pdfkit's own wrapper
   * (Unicode line breaking) costs about 0.2 ms a paragraph, and every wrapped text here is measured before it
   * is drawn; Vietnamese breaks between its space-separated syllables, so this is all the notice needs.
   * Leaves the style set for the caller.
   * @param indent room taken on the first line by text drawn before it
   */
  private wrap(text: string, width: number, style: TextStyle, indent = 0): string[] {
    const doc = this.style(style);
    const s = printable(text).trim();
    if (!s.includes("\n") && indent + doc.widthOfString(s) <= width) return [s];
    const space = doc.widthOfString(" ");
    const lines: string[] = [];
    for (const paragraph of s.split("\n")) {
      let line = "";
      let used = indent;
      for (const word of paragraph.split(/ +/)) {
        let w = doc.widthOfString(word);
        if (line && used + space + w <= width) {
          line += ` ${word}`;
          used += space + w;
          continue;
        }
        if (line || used > 0) {
          lines.push(line);
          used = 0;
        }
        line = word;
        // A word wider than the line (a long account name, a code): cut it where it overflows.
        while (w > width && line.length > 1) {
          let fits = 1;
          let over = line.length;
          while (over - fits > 1) {
            const mid = (fits + over) >> 1;
            if (doc.widthOfString(line.slice(0, mid)) <= width) fits = mid;
            else over = mid;
          }
          lines.push(line.slice(0, fits));
          line = line.slice(fits);
          w = doc.widthOfString(line);
        }
        used = w;
      }
      lines.push(line);
      indent = 0;
    }
    return lines;
  }

  /** A Vietnamese label followed by its short English in smaller grey; returns the label's width. */
  private label(vi: string, en: string | null, x: number, y: number, size = 8.5): number {
    const doc = this.style({ size, color: "#404040" });
    doc.text(vi, x, y, { lineBreak: false });
    let width = doc.widthOfString(vi);
    if (en) {
      const small = this.style({ size: size - 1.5, color: GREY });
      small.text(en, x + width + 3, y + 1.2, { lineBreak: false });
      width += 3 + small.widthOfString(en);
    }
    return width;
  }

  private fill(x: number, y: number, w: number, h: number): void {
    this.doc.rect(x, y, w, h).fill(FILL);
    this.color = undefined;
  }

  private rule(y: number, color = RULE, width = 0.6): void {
    this.doc
      .moveTo(M, y)
      .lineTo(M + W, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  // --- pages -------------------------------------------------------------------------------------------

  /** What every page of a notice carries: the draft watermark, and a running head after the first page. */
  private startPage(): void {
    const n = this.notice;
    this.color = undefined;
    if (n.number === null) this.watermark();
    if (this.page === 1) {
      this.y = M;
      return;
    }
    this.line(`THÔNG BÁO PHÍ · ${periodLabel(n.period)} · Căn hộ ${n.unit.code} · ${n.code}`, M, M, W - 80, {
      font: B,
      size: 9,
    });
    this.line(`Trang ${this.page} (tiếp theo)`, M + W - 120, M, 120, { size: 8, color: GREY }, "right");
    this.rule(M + 16);
    this.y = M + 26;
  }

  private watermark(): void {
    const doc = this.doc;
    const text = "NHÁP / DRAFT";
    doc.save();
    doc.rotate(-35, { origin: [PAGE_W / 2, PAGE_H / 2] });
    doc.font(B).fontSize(66).fillColor("#c0392b").fillOpacity(0.12);
    const w = doc.widthOfString(text);
    doc.text(text, PAGE_W / 2 - w / 2, PAGE_H / 2 - 40, { lineBreak: false });
    doc.restore();
    this.color = undefined;
  }

  /** Ends the page with a pointer to the next one and starts it. */
  private nextPage(): void {
    this.line(
      "Còn tiếp trang sau / Continued on next page",
      M,
      BOTTOM + 8,
      W,
      { size: 7.5, color: GREY },
      "right",
    );
    this.page += 1;
    this.doc.addPage();
    this.startPage();
  }

  // --- sections ----------------------------------------------------------------------------------------

  private header(): void {
    const { company, building, period } = this.notice;
    // The logo, when there is one, sits in a 44-point box left of the name; the text moves right of it.
    const logoBox = company.logo ? LOGO_BOX : 0;
    if (company.logo) this.doc.image(company.logo, M, M, { fit: [LOGO_BOX - 8, LOGO_BOX - 8] });
    const tx = M + logoBox;
    const tw = 300 - logoBox;
    let left = M;
    left += this.block(company.name, tx, left, tw, { font: B, size: 11, color: ACCENT });
    const contact = [
      company.address,
      [company.phone && `ĐT: ${company.phone}`, company.taxCode && `MST: ${company.taxCode}`]
        .filter(Boolean)
        .join("   ·   "),
    ].filter(Boolean);
    for (const text of contact)
      left += this.block(text as string, tx, left + 1, tw, { size: 8, color: GREY }) + 1;
    left = Math.max(left, M + logoBox - 8);

    let right = M;
    right += this.block(building.name, M + 310, right, W - 310, { font: B, size: 10 }, "right");
    if (building.address) {
      right +=
        this.block(building.address, M + 310, right + 1, W - 310, { size: 8, color: GREY }, "right") + 1;
    }
    let y = Math.max(left, right) + 8;
    this.rule(y, ACCENT, 1);
    y += 12;

    this.line("THÔNG BÁO PHÍ", M, y, W, { font: B, size: 18, color: ACCENT }, "center");
    y += 25;
    this.line("Fee notice", M, y, W, { size: 8, color: GREY }, "center");
    y += 12;
    this.line(periodLabel(period), M, y, W, { font: B, size: 11 }, "center");
    this.y = y + 24;
  }

  private details(): void {
    const n = this.notice;
    const top = this.y;
    const rowH = 15;
    const field = (
      x: number,
      y: number,
      vi: string,
      en: string,
      value: string,
      valueW: number,
      style?: TextStyle,
    ) => {
      this.label(vi, en, x, y);
      return this.block(value, x + 112, y - 0.5, valueW, { font: B, size: 9.5, ...style });
    };
    let left = top;
    left += Math.max(rowH, field(M, left, "Căn hộ", "Unit", n.unit.code, 148));
    left += Math.max(rowH, field(M, left, "Diện tích", "Area", area(n.unit.areaM2), 148));
    left += Math.max(rowH, field(M, left, "Khách hàng", "Bill to", n.billTo ?? "—", 148) + 2);

    const x = M + 272;
    const w = W - 272 - 112;
    let right = top;
    right += Math.max(rowH, field(x, right, "Số", "No.", n.number ?? "Nháp — chưa cấp số", w));
    right += Math.max(rowH, field(x, right, "Mã thanh toán", "Code", n.code, w));
    right += Math.max(rowH, field(x, right, "Ngày lập", "Issued", n.issuedOn ? date(n.issuedOn) : "—", w));
    right += Math.max(rowH, field(x, right, "Hạn nộp", "Due", date(n.dueOn), w, { color: "#b03a2e" }));
    this.y = Math.max(left, right) + 10;
  }

  /**
   * Chỉ số công tơ: each meter's previous and current reading and what was consumed between them, on one line
   * above the table (the bands are its lines), so that a usual notice still fits on one page.
   */
  private meters(): void {
    const meters = this.notice.meters ?? [];
    if (meters.length === 0) return;
    const y = this.y;
    const labelW = this.label("Chỉ số công tơ", "Meters", M, y) + 10;
    const each = (W - labelW) / meters.length;
    meters.forEach((m, i) => {
      const text = `${m.label}: cũ ${quantityFormat.format(m.previous)} · mới ${quantityFormat.format(m.current)} · tiêu thụ ${quantityFormat.format(m.consumption)} ${m.unit}`;
      this.line(text, M + labelW + i * each, y - 0.5, each - 6, { font: B, size: 8.5 });
    });
    this.y = y + 18;
  }

  private tableHead(): void {
    const y = this.y;
    this.fill(M, y, W, 24);
    let x = M;
    for (const col of COLUMNS) {
      this.line(col.vi, x + PAD, y + 3, col.width - 2 * PAD, { font: B, size: 8.5 }, col.align);
      this.line(col.en, x + PAD, y + 14, col.width - 2 * PAD, { size: 6.5, color: GREY }, col.align);
      x += col.width;
    }
    this.y = y + 24;
  }

  private rowHeight(line: NoticeLine): number {
    const text = this.measure(line.description, (COLUMNS[0]?.width ?? 0) - 2 * PAD, { size: 9 });
    return text + (line.onBehalf ? 10 : 0) + 2 * PAD;
  }

  private row(line: NoticeLine, h: number): void {
    const y = this.y + PAD;
    const [desc, qty, unit, unitPrice, amount, vat] = COLUMNS as [
      Column,
      Column,
      Column,
      Column,
      Column,
      Column,
    ];
    let x = M;
    const textH = this.block(line.description, x + PAD, y, desc.width - 2 * PAD, { size: 9 });
    if (line.onBehalf) {
      this.line("Thu hộ · collected on behalf", x + PAD, y + textH + 0.5, desc.width - 2 * PAD, {
        size: 7,
        color: ACCENT,
      });
    }
    x += desc.width;
    const cell = (text: string, col: Column, style: TextStyle = { size: 9 }) => {
      this.line(text, x + PAD, y, col.width - 2 * PAD, style, col.align);
      x += col.width;
    };
    cell(quantity(line.quantity), qty);
    cell(line.unit, unit);
    cell(price(line.unitPrice), unitPrice);
    cell(money(line.amount), amount);
    this.line(`${decimal.format(line.vatRate)}%`, x + PAD, y + 0.8, 24, { size: 7.5, color: GREY });
    cell(money(line.vat), vat);
    this.doc
      .moveTo(M, this.y + h)
      .lineTo(M + W, this.y + h)
      .lineWidth(0.4)
      .strokeColor("#e1e4e8")
      .stroke();
    this.y += h;
  }

  private table(): void {
    const n = this.notice;
    this.tableHead();
    const footer = this.footerHeight();
    n.lines.forEach((line, i) => {
      const h = this.rowHeight(line);
      // The last line goes to the next page with the totals if they do not fit together.
      const need = i === n.lines.length - 1 ? h + footer : h;
      if (this.y + need > BOTTOM) {
        this.nextPage();
        this.tableHead();
      }
      this.row(line, h);
    });
    if (n.lines.length === 0) {
      this.line("Không có khoản phí nào trong kỳ.", M + PAD, this.y + PAD, W, { size: 9, color: GREY });
      this.y += 18;
    }
    if (this.y + footer > BOTTOM) this.nextPage();
    this.totals();
    this.words();
    this.payment();
  }

  // --- totals, words, payment ----------------------------------------------------------------------------

  private static readonly TOTAL_ROWS = 5;
  private static readonly TOTAL_ROW_H = 15;

  private footerHeight(): number {
    return (
      10 +
      NoticeWriter.TOTAL_ROWS * NoticeWriter.TOTAL_ROW_H +
      8 +
      this.wordsHeight() +
      12 +
      this.paymentBox().height
    );
  }

  private totals(): void {
    const n = this.notice;
    let y = this.y + 10;
    const x = M + W - 262;
    const rows: [string, string, number][] = [
      ["Cộng tiền hàng", "Subtotal", n.subtotal],
      ["Thuế GTGT", "VAT", n.vatTotal],
      ["Tổng cộng", "Total", n.total],
      ["Đã thanh toán", "Paid", n.paid],
      ["Còn phải nộp", "Amount due", n.amountDue],
    ];
    const top = y;
    for (const [vi, en, value] of rows) {
      const due = en === "Amount due";
      if (due) this.fill(x - 6, y - 3, 262 + 6, NoticeWriter.TOTAL_ROW_H + 2);
      this.label(vi, en, x, y + (due ? 1 : 0), due ? 9.5 : 8.5);
      this.line(
        money(value),
        x + 120,
        y,
        142 - PAD,
        {
          font: due || en === "Total" ? B : R,
          size: due ? 11 : 9,
          color: due ? ACCENT : INK,
        },
        "right",
      );
      y += NoticeWriter.TOTAL_ROW_H;
    }
    if (n.lines.some((l) => l.onBehalf)) {
      this.block(
        "Các khoản đánh dấu “thu hộ” được Ban quản lý thu hộ và chuyển cho đơn vị cung cấp (điện, nước); không phải doanh thu của Ban quản lý.",
        M,
        top,
        W - 262 - 24,
        { size: 7.5, color: GREY },
      );
    }
    this.y = y + 8;
  }

  /** "Bằng chữ:" in bold, then the amount in words, the first line continuing after the label. */
  private wordsLayout(): { indent: number; lines: string[]; lineHeight: number } {
    const indent = this.style({ font: B, size: 9 }).widthOfString(WORDS_LABEL) + 4;
    const lines = this.wrap(this.notice.amountInWords, W, { size: 9 }, indent);
    return { indent, lines, lineHeight: this.doc.currentLineHeight(true) };
  }

  private wordsHeight(): number {
    const { lines, lineHeight } = this.wordsLayout();
    return lines.length * lineHeight;
  }

  private words(): void {
    const { indent, lines, lineHeight } = this.wordsLayout();
    this.line(WORDS_LABEL, M, this.y, W, { font: B, size: 9 });
    lines.forEach((l, i) => {
      this.line(l, i === 0 ? M + indent : M, this.y + i * lineHeight, W, { size: 9 });
    });
    this.y += lines.length * lineHeight + 12;
  }

  /** The payment box's label/value rows: bank details, or where to pay when there is no account. */
  private paymentFields(): PaymentField[] {
    const n = this.notice;
    const amount: PaymentField = { vi: "Số tiền", en: "Amount", value: money(n.amountDue) };
    if (!n.bank)
      return [{ vi: "Mã thanh toán", en: "Code", value: n.code, style: { color: ACCENT } }, amount];
    return [
      { vi: "Ngân hàng", en: "Bank", value: n.bank.bankName },
      { vi: "Số tài khoản", en: "Account no.", value: n.bank.accountNumber, style: { size: 11 } },
      { vi: "Chủ tài khoản", en: "Account name", value: n.bank.accountName },
      { vi: "Nội dung", en: "Memo", value: n.code, style: { color: ACCENT, size: 11 } },
      amount,
    ];
  }

  /** The payment box's size, measured once per notice (the page-break check needs it before drawing). */
  private paymentBox(): PaymentBox {
    if (!this.box) this.box = this.measurePaymentBox();
    return this.box;
  }

  private measurePaymentBox(): PaymentBox {
    const n = this.notice;
    const infoW = W - 28 - (n.qrPayload ? QR_SIZE + 36 : 0);
    let info = 12 + (n.bank ? 22 : 34);
    for (const f of this.paymentFields()) {
      info += Math.max(16, this.measure(f.value, infoW - 136, { font: B, size: 9.5, ...f.style }) + 3);
    }
    if (n.bank) info += 2 + this.measure(TRANSFER_NOTE, infoW, { size: 7.5 });
    const qr = n.qrPayload ? 10 + QR_SIZE + 4 + this.measure(QR_CAPTION, QR_SIZE + 20, { size: 7.5 }) : 0;
    return { infoW, height: Math.max(info, qr) + 12 };
  }

  private payment(): void {
    const n = this.notice;
    const top = this.y;
    const { infoW, height } = this.paymentBox();
    this.doc.roundedRect(M, top, W, height, 4).lineWidth(0.8).strokeColor(ACCENT).stroke();
    const x = M + 14;
    let y = top + 12;
    if (n.bank) {
      this.label("THÔNG TIN CHUYỂN KHOẢN", "Payment by bank transfer", x, y, 10);
      y += 22;
    } else {
      this.line("Thanh toán tại văn phòng Ban quản lý", x, y, infoW, { font: B, size: 11, color: ACCENT });
      this.line("Pay at the management office", x, y + 16, infoW, { size: 8, color: GREY });
      y += 34;
    }
    for (const f of this.paymentFields()) {
      this.label(f.vi, f.en, x, y);
      const h = this.block(f.value, x + 136, y - 0.5, infoW - 136, { font: B, size: 9.5, ...f.style });
      y += Math.max(16, h + 3);
    }
    if (n.bank) this.block(TRANSFER_NOTE, x, y + 2, infoW, { size: 7.5, color: GREY });

    if (n.qrPayload) {
      const qx = M + W - 14 - QR_SIZE - 8;
      this.doc.image(qrPng(n.qrPayload), qx, top + 10, { width: QR_SIZE, height: QR_SIZE });
      this.block(QR_CAPTION, qx - 10, top + 14 + QR_SIZE, QR_SIZE + 20, { size: 7.5 }, "center");
    }
    this.y = top + height;
  }
}

type PaymentBox = { infoW: number; height: number };
type PaymentField = { vi: string; en: string; value: string; style?: TextStyle };
const TRANSFER_NOTE =
  "Ghi đúng nội dung chuyển khoản để khoản nộp được ghi nhận tự động. Use the memo exactly as shown.";
const WORDS_LABEL = "Bằng chữ:";
const QR_CAPTION = "Quét mã để chuyển khoản đúng số tiền và nội dung";

// ---------------------------------------------------------------------------------------------------------

/**
 * Renders one fee notice as a PDF.
 * @param doc the notice's content, amounts already computed
 * @returns the PDF file
 */
export async function renderNotice(doc: FeeNoticeDoc): Promise<Buffer> {
  return renderNotices([doc]);
}

/**
 * Renders many fee notices into one PDF (a building's month, for printing): each notice starts on a new
 * page and takes one page or more.
 * @param docs the notices, in print order; at least one
 * @returns the PDF file
 */
export async function renderNotices(docs: FeeNoticeDoc[]): Promise<Buffer> {
  const first = docs[0];
  if (!first) throw new RangeError("renderNotices needs at least one notice");
  const title =
    docs.length === 1
      ? `Thông báo phí ${first.code} — ${periodLabel(first.period)}`
      : `Thông báo phí — ${periodLabel(first.period)}`;
  const pdf = newPdfDocument(title);
  const writer = new NoticeWriter(pdf);
  for (const notice of docs) writer.write(notice);
  return finishPdf(pdf);
}
