import sharp from "sharp";
import { AppError, errors } from "../errors.js";

/** What an upload may be, judged by its content: a photo, or a PDF document. */
export type UploadKind = "image" | "pdf";

/**
 * An accepted upload, ready to store. Images are re-encoded, so nothing of the original file (its metadata, a
 * payload hidden after the pixels) is kept; PDFs are kept as sent.
 */
export type Inspected =
  | {
      kind: "image";
      contentType: "image/jpeg";
      /** Upright, at most 1600×1600 px. */
      display: Buffer;
      /** Upright, at most 320×320 px. */
      thumbnail: Buffer;
      /** The display version's size. */
      width: number;
      height: number;
    }
  | { kind: "pdf"; contentType: "application/pdf"; bytes: Buffer };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Major brands of HEIF files: `heic`/`heix` as phones write them, `mif1` for other HEIF images. */
const HEIF_BRANDS = new Set(["heic", "heix", "mif1"]);

const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString("latin1", start, end);

/** What the first bytes show the file to be, whatever it is called or claims to be. */
function sniff(bytes: Buffer): UploadKind | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image";
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "image";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image";
  // An ISO media file: a box size, then the `ftyp` box with its major brand.
  if (ascii(bytes, 4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return "image";
  if (ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  return null;
}

const FORMAT_NAMES: Record<UploadKind, string> = { image: "JPEG, PNG, WebP, HEIC", pdf: "PDF" };

// 8192×8192 lets through the 48–50 MP photos phones take at full resolution, and refuses a small file that
// declares a huge canvas (a decompression bomb) before any pixel is decoded.
const MAX_PIXELS = 8192 * 8192;
const DISPLAY_SIZE = 1600;
const THUMBNAIL_SIZE = 320;

const unreadable = () => errors.rule("UPLOAD_UNREADABLE");

/**
 * Checks an upload by its content (never its name or declared type) and prepares it for storage. Refuses, as
 * AppError: more than `maxBytes` (413 UPLOAD_TOO_LARGE), a kind not in `allowed` (415 UPLOAD_TYPE_REFUSED), an
 * image of more pixels than a phone takes (422 UPLOAD_TOO_MANY_PIXELS), a damaged or truncated file (422
 * UPLOAD_UNREADABLE).
 */
export async function inspectUpload(
  bytes: Buffer,
  allowed: readonly UploadKind[],
  maxBytes: number,
): Promise<Inspected> {
  if (bytes.length > maxBytes) {
    const limitMb = Math.round((maxBytes / 2 ** 20) * 10) / 10;
    throw new AppError(413, "UPLOAD_TOO_LARGE", { limitMb }, { limitMb });
  }
  const kind = sniff(bytes);
  if (!kind || !allowed.includes(kind)) {
    const formats = allowed.map((k) => FORMAT_NAMES[k]).join(", ");
    throw new AppError(415, "UPLOAD_TYPE_REFUSED", { allowed: formats }, { allowed: formats });
  }
  return kind === "image" ? prepareImage(bytes) : checkPdf(bytes);
}

/**
 * JPEG rather than WebP: every browser and mail client shows it, and pdfkit (the documents) embeds only JPEG
 * and PNG. sharp writes no EXIF, XMP or GPS unless asked (keepMetadata, withExif): none is asked here.
 */
async function prepareImage(bytes: Buffer): Promise<Inspected> {
  let pixels: number;
  try {
    const { width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
    pixels = width * height;
  } catch {
    throw unreadable();
  }
  if (pixels > MAX_PIXELS)
    throw errors.rule("UPLOAD_TOO_MANY_PIXELS", { limitMp: Math.round(MAX_PIXELS / 1e6) });
  try {
    const display = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .autoOrient()
      .resize(DISPLAY_SIZE, DISPLAY_SIZE, { fit: "inside", withoutEnlargement: true })
      // Transparent parts (a PNG, a WebP) on white, not JPEG's default black.
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(display.data)
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return {
      kind: "image",
      contentType: "image/jpeg",
      display: display.data,
      thumbnail,
      width: display.info.width,
      height: display.info.height,
    };
  } catch {
    throw unreadable();
  }
}

/** A PDF ends with `%%EOF` within its last 1024 bytes (where readers look for it); a cut-off upload does not. */
function checkPdf(bytes: Buffer): Inspected {
  if (!bytes.subarray(-1024).includes("%%EOF")) throw unreadable();
  return { kind: "pdf", contentType: "application/pdf", bytes };
}
