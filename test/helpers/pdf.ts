import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

async function open(pdf: Buffer) {
  return getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

/** Every page's text, items joined by spaces, non-breaking spaces made plain, runs of spaces collapsed. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await open(pdf);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    pages.push(items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await doc.destroy();
  return pages
    .join("\n")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+/g, " ");
}

/** The size in pixels of every image painted on the first page. */
export async function pdfImageSizes(pdf: Buffer): Promise<{ width: number; height: number }[]> {
  const doc = await open(pdf);
  const page = await doc.getPage(1);
  const ops = await page.getOperatorList();
  const found: { width: number; height: number }[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const id = ops.argsArray[i][0] as string;
    const objs = id.startsWith("g_") ? page.commonObjs : page.objs;
    const img = await new Promise<{ width: number; height: number }>((resolve) => objs.get(id, resolve));
    found.push({ width: img.width, height: img.height });
  }
  await doc.destroy();
  return found;
}
