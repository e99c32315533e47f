import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { message } from "../i18n/messages.js";
import { type Inspected, inspectUpload } from "./upload.js";

const MB = 1024 * 1024;
const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

const solid = (width: number, height: number, background = RED) =>
  sharp({ create: { width, height, channels: 3, background } });

/** Random pixels: they compress badly, so the file has plenty of image data after its header. */
const noise = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });

/**
 * A phone photo held sideways: stored 400×200, red on the left, blue on the right, with EXIF orientation 6
 * (turn 90° clockwise to show), the camera's make and a GPS position.
 */
async function phonePhoto(): Promise<Buffer> {
  const left = await solid(200, 200, RED).png().toBuffer();
  return solid(400, 200, BLUE)
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "PhoneMaker" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "21/1 1/1 42/1", GPSMapDatum: "WGS-84" },
    })
    .toBuffer();
}

async function image(bytes: Buffer): Promise<Extract<Inspected, { kind: "image" }>> {
  const result = await inspectUpload(bytes, ["image"], 10 * MB);
  if (result.kind !== "image") throw new Error(`expected an image, got ${result.kind}`);
  return result;
}

async function pixel(jpeg: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

const size = async (jpeg: Buffer) => {
  const { width, height, format } = await sharp(jpeg).metadata();
  return { width, height, format };
};

const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n" +
    "trailer <</Root 1 0 R>>\n%%EOF\n",
);

describe("images", () => {
  it("strips EXIF (GPS, camera) from both versions", async () => {
    const photo = await phonePhoto();
    // The input does carry them.
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes("WGS-84")).toBe(true);
    expect(photo.includes("PhoneMaker")).toBe(true);

    const { display, thumbnail } = await image(photo);
    for (const out of [display, thumbnail]) {
      const meta = await sharp(out).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      for (const trace of ["Exif", "WGS-84", "PhoneMaker"]) expect(out.includes(trace)).toBe(false);
    }
  });

  it("turns a photo upright by its EXIF orientation", async () => {
    const result = await image(await phonePhoto());
    expect(result).toMatchObject({ contentType: "image/jpeg", width: 200, height: 400 });
    expect(await size(result.display)).toEqual({ width: 200, height: 400, format: "jpeg" });
    expect(await size(result.thumbnail)).toEqual({ width: 160, height: 320, format: "jpeg" });
    // Turned clockwise, the left (red) half is on top.
    const [topRed, , topBlue] = await pixel(result.display, 100, 50);
    const [bottomRed, , bottomBlue] = await pixel(result.display, 100, 350);
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(50);
    expect(bottomRed).toBeLessThan(50);
    expect(bottomBlue).toBeGreaterThan(200);
  });

  it("shrinks a large photo to fit 1600×1600 and 320×320, and never enlarges a small one", async () => {
    const large = await image(await solid(4000, 3000).jpeg().toBuffer());
    expect(large).toMatchObject({ width: 1600, height: 1200 });
    expect(await size(large.display)).toMatchObject({ width: 1600, height: 1200 });
    expect(await size(large.thumbnail)).toMatchObject({ width: 320, height: 240 });

    const small = await image(await solid(300, 200).jpeg().toBuffer());
    expect(small).toMatchObject({ width: 300, height: 200 });
    expect(await size(small.display)).toMatchObject({ width: 300, height: 200 });
    expect(await size(small.thumbnail)).toMatchObject({ width: 300, height: 200 });
  });

  it("knows PNG, WebP and HEIF by their content and turns each into JPEG", async () => {
    const avif = await solid(120, 80).avif().toBuffer();
    // HEIF's general brand, as cameras and phones other than Apple's write it (the pixels here are AV1).
    const heif = Buffer.from(avif);
    heif.write("mif1", 8, "latin1");
    for (const bytes of [
      await solid(120, 80).png().toBuffer(),
      await solid(120, 80).webp().toBuffer(),
      heif,
    ]) {
      const result = await image(bytes);
      expect(result).toMatchObject({ kind: "image", contentType: "image/jpeg", width: 120, height: 80 });
      expect(await size(result.display)).toEqual({ width: 120, height: 80, format: "jpeg" });
    }
  });

  it("puts transparent parts on white", async () => {
    const clear = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const { display } = await image(clear);
    expect((await pixel(display, 10, 10)).every((v) => v > 245)).toBe(true);
  });

  it("refuses a truncated photo as unreadable", async () => {
    const whole = await noise(600, 400).jpeg().toBuffer();
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    await expect(inspectUpload(cut, ["image"], 10 * MB)).rejects.toMatchObject({
      status: 422,
      code: "UPLOAD_UNREADABLE",
    });
  });

  it("refuses a small file that declares a huge canvas, before decoding it", async () => {
    // A 1×1 PNG whose header (IHDR, with its checksum) is rewritten to say 20000×20000: 400 megapixels.
    const bomb = Buffer.from(await solid(1, 1).png().toBuffer());
    bomb.writeUInt32BE(20000, 16);
    bomb.writeUInt32BE(20000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
      width: 20000,
      height: 20000,
    });
    const refused = inspectUpload(bomb, ["image"], 10 * MB);
    await expect(refused).rejects.toMatchObject({
      status: 422,
      code: "UPLOAD_TOO_MANY_PIXELS",
      params: { limitMp: 67 },
    });
  });
});

describe("PDF", () => {
  it("accepts a PDF and keeps it byte for byte", async () => {
    const result = await inspectUpload(MINIMAL_PDF, ["image", "pdf"], MB);
    expect(result).toEqual({ kind: "pdf", contentType: "application/pdf", bytes: MINIMAL_PDF });
  });

  it("refuses a PDF cut off before its end as unreadable", async () => {
    await expect(inspectUpload(MINIMAL_PDF.subarray(0, 60), ["pdf"], MB)).rejects.toMatchObject({
      status: 422,
      code: "UPLOAD_UNREADABLE",
    });
  });
});

describe("refusals by content, whatever the file is called", () => {
  it.each([
    ["a text file (named photo.jpg)", Buffer.from("just some text, not a photo\n")],
    ["an HTML page", Buffer.from('<!doctype html><html><script>alert("x")</script></html>')],
    ["an SVG image (it can carry scripts)", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ["a GIF", Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1")],
    ["an empty file", Buffer.alloc(0)],
  ])("refuses %s", async (_, bytes) => {
    await expect(inspectUpload(bytes, ["image", "pdf"], MB)).rejects.toMatchObject({
      status: 415,
      code: "UPLOAD_TYPE_REFUSED",
      params: { allowed: "JPEG, PNG, WebP, HEIC, PDF" },
    });
  });

  it("refuses a kind the caller does not allow, naming the formats it does", async () => {
    const png = await solid(10, 10).png().toBuffer();
    await expect(inspectUpload(png, ["pdf"], MB)).rejects.toMatchObject({
      status: 415,
      code: "UPLOAD_TYPE_REFUSED",
      params: { allowed: "PDF" },
    });
    const err = await inspectUpload(MINIMAL_PDF, ["image"], MB).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 415, code: "UPLOAD_TYPE_REFUSED" });
    const { code, params } = err as { code: string; params: Record<string, unknown> };
    expect(message("vi", code, params)).toBe("Không nhận loại tệp này: chỉ nhận tệp JPEG, PNG, WebP, HEIC.");
  });

  it("refuses a file over the limit by its size alone, before reading it", async () => {
    // Cut off, it would be unreadable if decoded: the size is what refuses it.
    const whole = await noise(300, 200).jpeg().toBuffer();
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const err = await inspectUpload(cut, ["image"], cut.length - 1).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 413, code: "UPLOAD_TOO_LARGE" });
    await expect(inspectUpload(MINIMAL_PDF, ["pdf"], MINIMAL_PDF.length)).resolves.toMatchObject({
      kind: "pdf",
    });
    const big = await inspectUpload(Buffer.alloc(5 * MB + 1), ["pdf"], 5 * MB).catch((e: unknown) => e);
    const { code, params } = big as { code: string; params: Record<string, unknown> };
    expect(message("vi", code, params)).toBe("Tệp quá lớn: tối đa 5 MB.");
    expect(message("en", code, params)).toBe("The file is too large: at most 5 MB.");
  });
});
