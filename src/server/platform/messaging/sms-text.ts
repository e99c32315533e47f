/** Vietnamese text on SMS routes: removing diacritics, and counting what a text costs (GSM 03.38 or UCS-2). */

/** "Đặng Thị Hường" → "Dang Thi Huong": for routes that carry no Unicode. Other characters are kept. */
export function withoutDiacritics(text: string): string {
  return text
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC");
}

// GSM 03.38's default alphabet (without the escape to the extension table) and its extension table.
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

export type SmsSegments = {
  encoding: "gsm7" | "ucs2";
  /** Septets (GSM, an extension character counting 2) or UTF-16 code units (UCS-2). */
  chars: number;
  /** Messages the text is billed as: 160 septets or 70 units fit one; a longer text goes in parts of 153 or 67. */
  segments: number;
};

export function smsSegments(text: string): SmsSegments {
  const characters = [...text];
  const septets = characters.map((c) => (GSM_BASIC.has(c) ? 1 : GSM_EXTENSION.has(c) ? 2 : 0));
  if (septets.every((n) => n > 0)) return { encoding: "gsm7", ...pack(septets, 160, 153) };
  const codeUnits = characters.map((c) => c.length);
  return { encoding: "ucs2", ...pack(codeUnits, 70, 67) };
}

/** A character is never split between two parts (an escape and its character, a surrogate pair). */
function pack(sizes: number[], single: number, perPart: number): { chars: number; segments: number } {
  const chars = sizes.reduce((sum, n) => sum + n, 0);
  if (chars <= single) return { chars, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > perPart) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { chars, segments };
}
