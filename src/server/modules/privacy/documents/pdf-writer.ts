/**
 * The building blocks of the privacy documents (breach report, impact-assessment dossier): headings, label/value
 * rows, lists and tables flowing down A4 pages, with a running footer numbered "page n/N" once the document is
 * complete. Unlike the fee notice these are rare, long, free-text documents, so pdfkit's own line wrapping and
 * page flow are used: every page carries the margins below, and pdfkit continues a long paragraph on a new
 * page with them.
 */

import { FONT_BOLD, FONT_REGULAR, finishPdf, newPdfDocument } from "../../../platform/documents/pdf.js";

type Doc = PDFKit.PDFDocument;
export type Align = "left" | "center" | "right";
export type TextStyle = { font?: string; size?: number; color?: string; align?: Align };
/** A table column; widths are shares of the text width. */
export type Column = { title: string; share: number; align?: Align };

const PAGE_H = 841.89;
export const MARGIN = 56;
const FOOTER = 24;
export const TEXT_WIDTH = 595.28 - 2 * MARGIN;
const PAGE = {
  size: "A4",
  margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
} as const;

export const INK = "#1a1a1a";
export const GREY = "#5f6368";
export const ACCENT = "#1f4e79";
export const ALERT = "#b03a2e";
const RULE = "#c9ced6";
const FILL = "#eef2f7";
const LINE_GAP = 1.5;
const PAD = 4;

export class PdfWriter {
  readonly doc: Doc;

  /**
   * @param title the PDF's title
   * @param footer what each page's footer says before its number
   * @param pageLabel "Trang" or "Page"
   */
  constructor(
    title: string,
    private readonly footer: string,
    private readonly pageLabel: string,
  ) {
    this.doc = newPdfDocument(title, { bufferPages: true });
    this.doc.addPage(PAGE);
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  style({ font = FONT_REGULAR, size = 10, color = INK }: TextStyle = {}): Doc {
    return this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** Height of wrapped text in a style, as `text` would draw it. */
  measure(text: string, width: number, style: TextStyle = {}): number {
    return this.style(style).heightOfString(text, { width, lineGap: LINE_GAP });
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > PAGE_H - PAGE.margins.bottom) this.doc.addPage(PAGE);
  }

  /** Wrapped text across the text width (or from `indent`), then `gap` points of space. */
  text(text: string, style: TextStyle = {}, { indent = 0, gap = 4 } = {}): void {
    this.style(style).text(text, MARGIN + indent, this.doc.y, {
      width: TEXT_WIDTH - indent,
      align: style.align ?? "left",
      lineGap: LINE_GAP,
    });
    this.doc.y += gap;
  }

  /** Text placed at a position without moving the cursor. */
  at(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    const doc = this.style(style);
    const h = doc.heightOfString(text, { width, lineGap: LINE_GAP });
    const keep = doc.y;
    doc.text(text, x, y, { width, align: style.align ?? "left", lineGap: LINE_GAP });
    doc.y = keep;
    return h;
  }

  /** A section heading, kept with at least the first lines of what follows it. */
  heading(text: string): void {
    this.doc.y += 6;
    this.ensure(60);
    this.text(text, { font: FONT_BOLD, size: 11.5, color: ACCENT }, { gap: 2 });
    this.rule(this.doc.y, RULE);
    this.doc.y += 6;
  }

  /** A small grey bold line introducing a list or table inside a section. */
  subheading(text: string, gap = 2): void {
    this.ensure(36);
    this.text(text, { font: FONT_BOLD, size: 9.5, color: GREY }, { gap });
  }

  rule(y: number, color = RULE, width = 0.6): void {
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + TEXT_WIDTH, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  /** Label/value rows: the label in grey on the left, the value wrapped beside it. */
  fields(rows: [string, string][], { labelWidth = 170, value = {} as TextStyle } = {}): void {
    const valueWidth = TEXT_WIDTH - labelWidth;
    for (const [label, text] of rows) {
      const h = Math.max(
        this.measure(label, labelWidth - 10, { size: 9.5 }),
        this.measure(text, valueWidth, { size: 10, ...value }),
      );
      this.ensure(h);
      const y = this.doc.y;
      this.at(label, MARGIN, y, labelWidth - 10, { size: 9.5, color: GREY });
      this.at(text, MARGIN + labelWidth, y, valueWidth, { size: 10, ...value });
      this.doc.y = y + h + 4;
    }
  }

  /** A bulleted list; an empty list prints `empty` instead. */
  bullets(items: string[], empty: string, style: TextStyle = {}): void {
    if (items.length === 0) {
      this.text(empty, { color: GREY, ...style });
      return;
    }
    for (const item of items) {
      const h = this.measure(item, TEXT_WIDTH - 14, style);
      this.ensure(h);
      const y = this.doc.y;
      this.at("•", MARGIN + 2, y, 10, style);
      this.at(item, MARGIN + 14, y, TEXT_WIDTH - 14, style);
      this.doc.y = y + h + 3;
    }
    this.doc.y += 2;
  }

  /** A table with a shaded head, repeated on each page it runs onto; an empty table prints `empty`. */
  table(columns: Column[], rows: string[][], empty: string): void {
    const total = columns.reduce((sum, c) => sum + c.share, 0);
    const widths = columns.map((c) => (c.share / total) * TEXT_WIDTH);
    const cellStyle = (i: number, font = FONT_REGULAR): TextStyle => ({
      font,
      size: 9,
      align: columns[i]?.align ?? "left",
    });
    const rowHeight = (cells: string[], font?: string) =>
      Math.max(...cells.map((c, i) => this.measure(c, (widths[i] ?? 0) - 2 * PAD, cellStyle(i, font)))) +
      2 * PAD;
    const draw = (cells: string[], h: number, font?: string) => {
      const y = this.doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = widths[i] ?? 0;
        this.at(c, x + PAD, y + PAD, w - 2 * PAD, cellStyle(i, font));
        x += w;
      });
      this.doc.y = y + h;
      this.rule(this.doc.y, "#e1e4e8", 0.4);
    };
    const titles = columns.map((c) => c.title);
    const headHeight = rowHeight(titles, FONT_BOLD);
    const head = () => {
      this.doc.rect(MARGIN, this.doc.y, TEXT_WIDTH, headHeight).fill(FILL);
      draw(titles, headHeight, FONT_BOLD);
    };
    const firstRow = rows[0] ? rowHeight(rows[0]) : 16;
    this.ensure(headHeight + firstRow);
    head();
    if (rows.length === 0) {
      this.doc.y += 3;
      this.text(empty, { size: 9, color: GREY });
    }
    for (const row of rows) {
      const h = rowHeight(row);
      if (this.doc.y + h > PAGE_H - PAGE.margins.bottom) {
        this.doc.addPage(PAGE);
        head();
      }
      draw(row, h);
    }
    this.doc.y += 8;
  }

  /** Writes every page's footer and returns the PDF file. */
  finish(): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const y = PAGE_H - MARGIN - FOOTER + 10;
      this.rule(y - 4, RULE, 0.4);
      const style = { size: 7.5, color: GREY };
      // No width and no line breaks: the footer sits below the bottom margin, where pdfkit's line wrapper
      // would start a new page.
      this.style(style).text(this.footer, MARGIN, y, { lineBreak: false });
      const label = `${this.pageLabel} ${i - start + 1}/${count}`;
      const w = this.doc.widthOfString(label);
      this.doc.text(label, MARGIN + TEXT_WIDTH - w, y, { lineBreak: false });
    }
    return finishPdf(this.doc);
  }
}
