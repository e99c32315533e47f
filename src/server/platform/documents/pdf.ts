/**
 * What every generated PDF shares: the Be Vietnam Pro fonts (every Vietnamese letter, ₫ and ²), parsed once per
 * process, and a pdfkit document set up to write pages quickly. Fee notices (billing) and the privacy
 * documents are built on it.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font, type Glyph, type GlyphPosition, type GlyphRun } from "fontkit";
import PDFDocument from "pdfkit";

type Doc = PDFKit.PDFDocument;

/** The names the fonts are registered under in every document from newPdfDocument. */
export const FONT_REGULAR = "R";
export const FONT_BOLD = "B";

// Fonts: resolved from node_modules at run time (works from src/ and from the esbuild bundle in dist/), read
// and parsed once per process. pdfkit 0.20 takes a parsed fontkit font: handing it the same one for every
// document keeps fontkit's parsed tables and glyph caches, where a buffer would be parsed again each time.

const FONT_PACKAGE = "@expo-google-fonts/be-vietnam-pro";
type Fonts = { regular: Font; bold: Font };
let parsedFonts: Fonts | undefined;

function fonts(): Fonts {
  if (!parsedFonts) {
    const require = createRequire(import.meta.url);
    const load = (file: string): Font => {
      const font = create(readFileSync(require.resolve(`${FONT_PACKAGE}/${file}`)));
      if (!("layout" in font)) throw new Error(`${file} is a font collection, not a font`);
      return withFastLayout(font);
    };
    parsedFonts = {
      regular: load("400Regular/BeVietnamPro_400Regular.ttf"),
      bold: load("700Bold/BeVietnamPro_700Bold.ttf"),
    };
  }
  return parsedFonts;
}

/**
 * Shaping a string with fontkit costs 50–100 µs whatever its length (it builds a shaping plan each time), and
 * pdfkit caches the result per document only: on a notice most strings are new (amounts, dates, codes) and
 * this was the largest cost after pdfkit's own per-fragment work. So the font's `layout` is wrapped:
 * - results are kept for the process (bounded), so a label shaped once is never shaped again;
 * - a numeric string (amounts, dates, quantities, rates) is composed from the advances of its character
 *   pairs, each shaped once: this font's only positioning of those characters is pair kerning, so the result
 *   equals fontkit's (checked over thousands of amounts and dates by the unit test).
 * pdfkit scales the positions it gets in place, so every call returns fresh position objects.
 */
export function withFastLayout(font: Font): Font {
  const shape = font.layout.bind(font);
  const runs = new Map<string, Shaped>();
  const pairs = new Map<string, number>();
  const pairAdvance = (a: string, b: string | undefined): number => {
    const key = b === undefined ? a : a + b;
    let advance = pairs.get(key);
    if (advance === undefined) {
      advance = shape(key).positions[0]?.xAdvance ?? 0;
      pairs.set(key, advance);
    }
    return advance;
  };
  const compose = (text: string): Shaped => {
    const chars = [...text];
    const glyphs = chars.map((c) => font.glyphForCodePoint(c.codePointAt(0) ?? 0));
    return { glyphs, advances: chars.map((c, i) => pairAdvance(c, chars[i + 1])), offsets: null };
  };
  const layout = (text: string, features?: string[] | Record<string, boolean>): GlyphRun => {
    if (features !== undefined) return shape(text, features);
    let shaped = runs.get(text);
    if (!shaped) {
      if (NUMERIC.test(text)) shaped = compose(text);
      else {
        const run = shape(text);
        shaped = {
          glyphs: run.glyphs,
          advances: run.positions.map((p) => p.xAdvance),
          offsets: run.positions.some((p) => p.xOffset || p.yOffset || p.yAdvance) ? run.positions : null,
        };
      }
      if (runs.size >= LAYOUT_CACHE_SIZE) runs.clear();
      runs.set(text, shaped);
    }
    return toRun(shaped);
  };
  font.layout = layout as Font["layout"];
  return font;
}

const NUMERIC = /^[0-9.,:/%+\-\u00a0 ₫]+$/;
const LAYOUT_CACHE_SIZE = 50_000;
type Shaped = { glyphs: Glyph[]; advances: number[]; offsets: GlyphPosition[] | null };

function toRun({ glyphs, advances, offsets }: Shaped): GlyphRun {
  const positions: GlyphPosition[] = advances.map((xAdvance, i) => {
    const o = offsets?.[i];
    return { xAdvance, yAdvance: o?.yAdvance ?? 0, xOffset: o?.xOffset ?? 0, yOffset: o?.yOffset ?? 0 };
  });
  let width: number | undefined;
  return {
    glyphs,
    positions,
    // Summed on first use, which pdfkit makes after scaling the positions, and then read once per word drawn.
    get advanceWidth() {
      if (width === undefined) {
        width = 0;
        for (const p of positions) width += p.xAdvance;
      }
      return width;
    },
  } as GlyphRun;
}

/**
 * A new A4 document with Be Vietnam Pro registered as FONT_REGULAR and FONT_BOLD; the caller adds pages.
 * @param title shown in the viewer's title bar
 * @param bufferPages keep every page open until the end, so that a footer can say "page 2 of 5"
 */
export function newPdfDocument(title: string, { bufferPages = false } = {}): Doc {
  const doc = new PDFDocument({
    size: "A4",
    // Small margins keep pdfkit from adding pages on its own: the writer places everything itself.
    margin: 10,
    autoFirstPage: false,
    bufferPages,
    // No default font: pdfkit would load Helvetica's metrics for every document (~1 ms) that we never use.
    font: null as unknown as undefined,
    lang: "vi-VN",
    displayTitle: true,
    info: { Title: title, Creator: "Chungcu", Producer: "Chungcu" },
  });
  const { regular, bold } = fonts();
  // @types/pdfkit predates parsed fonts as a source; pdfkit 0.20 accepts them (CHANGELOG 0.20.0).
  doc.registerFont(FONT_REGULAR, regular as unknown as Buffer);
  doc.registerFont(FONT_BOLD, bold as unknown as Buffer);
  doc.on("pageAdded", () => bufferPageContent(doc));
  return doc;
}

/** The part of pdfkit's page object used here: every content operator goes through `write`. */
type PageContent = { write(chunk: string | Uint8Array): unknown; end(): unknown };

/**
 * pdfkit turns every content operator (about ten per line of text, over a thousand per notice) into its own
 * byte array as it is written; collecting a page's operators as strings and writing them once when the page
 * ends produces the same bytes for a fraction of the cost.
 */
function bufferPageContent(doc: Doc): void {
  const page = doc.page as unknown as PageContent;
  const write = page.write.bind(page);
  const end = page.end.bind(page);
  let parts: string[] = [];
  const flush = () => {
    // Operators are ASCII (glyphs are hex-coded), as pdfkit's own conversion assumes; pdfkit ends string
    // chunks with a newline, not byte chunks, so it is added here.
    if (parts.length > 0) write(Buffer.from(`${parts.join("\n")}\n`, "latin1"));
    parts = [];
  };
  page.write = (chunk) => {
    if (typeof chunk === "string") parts.push(chunk);
    else {
      flush();
      write(chunk);
    }
  };
  page.end = () => {
    flush();
    return end();
  };
}

/** Ends the document and resolves with the PDF file. */
export function finishPdf(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
