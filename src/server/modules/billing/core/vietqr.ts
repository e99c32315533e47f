/**
 * VietQR: the EMVCo merchant-presented QR that NAPAS defines for 24/7 transfers to a bank account (QRIBFTTA).
 *
 * A payload is a run of data objects, each a 2-digit ID, a 2-digit length counting characters, and the value:
 * 00 "01" · 01 "12" (dynamic, with amount) or "11" (static) · 38 {00 "A000000727" · 01 {00 BIN · 01 account} ·
 * 02 "QRIBFTTA"} · 53 "704" · 54 amount · 58 "VN" · 62 {08 purpose} · 63 CRC-16/CCITT-FALSE of everything before
 * its value, "6304" included.
 */
import { bankByBin } from "../../../../contracts/banks.js";

/** Why a payload could not be read, or a transfer could not be encoded. */
export type VietQrErrorCode =
  | "TRUNCATED"
  | "BAD_LENGTH"
  | "MALFORMED"
  | "CRC_MISMATCH"
  | "MISSING_TAG"
  | "DUPLICATE_TAG"
  | "NOT_NAPAS"
  | "UNSUPPORTED_SERVICE"
  | "BAD_VALUE"
  | "INVALID_INPUT";

/** A payload that is not a valid VietQR transfer, or fields that cannot make one; `code` is stable. */
export class VietQrError extends Error {
  override readonly name = "VietQrError";

  constructor(
    readonly code: VietQrErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What a VietQR transfer payload says. */
export type VietQrFields = {
  /** "dynamic" (tag 01 = "12", one payment, usually with an amount) or "static" (tag 01 = "11"). */
  kind: "dynamic" | "static";
  /** The receiving bank's NAPAS BIN. */
  bankBin: string;
  /** The bank's short name, or null when the BIN is not in our list. */
  bankName: string | null;
  /** The receiving account. */
  account: string;
  /** The amount in VND, or null when the payer enters it. */
  amount: number | null;
  /** The purpose of the transfer (the memo, here the invoice code), or null. */
  purpose: string | null;
  /** ISO 4217 numeric code of the đồng. */
  currency: "704";
  /** ISO 3166 country code. */
  country: "VN";
};

/** A transfer to encode. */
export type VietQrInput = {
  /** The receiving bank's NAPAS BIN, six digits. */
  bankBin: string;
  /** The receiving account: 1–19 ASCII letters or digits. */
  account: string;
  /** The amount in VND, a positive whole number; makes the QR dynamic. */
  amount?: number;
  /** The transfer memo: 1–25 ASCII letters, digits, dashes and single inner spaces. */
  purpose?: string;
};

const NAPAS_GUID = "A000000727";
const SERVICE_ACCOUNT = "QRIBFTTA";
const SERVICES: Record<string, string> = {
  QRIBFTTC: "transfer to a card number",
  QRPUSH: "merchant payment",
};
const CRC_TAG = "6304";
// NAPAS limits tag 62's sub-objects to 25 characters. Banks may drop or alter other characters in a transfer memo and
// collapse repeated spaces; either would stop the memo from matching the invoice code it carries.
const PURPOSE = /^[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*$/;
const PURPOSE_MAX = 25;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let crc = n << 8;
  for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});
const utf8 = new TextEncoder();

/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) of a string's UTF-8 bytes.
 * @returns four uppercase hexadecimal digits; "123456789" gives "29B1"
 */
export function crc16CcittFalse(s: string): string {
  let crc = 0xffff;
  for (const byte of utf8.encode(s)) crc = ((crc << 8) & 0xffff) ^ (CRC_TABLE[(crc >> 8) ^ byte] as number);
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

function tlv(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/**
 * Encodes a transfer as a VietQR payload, ready to draw as a QR code.
 * @throws VietQrError INVALID_INPUT naming the field that cannot be encoded
 */
export function encodeVietQr({ bankBin, account, amount, purpose }: VietQrInput): string {
  const invalid = (message: string) => new VietQrError("INVALID_INPUT", message);
  if (!/^\d{6}$/.test(bankBin)) throw invalid(`bank BIN must be 6 digits, got "${bankBin}"`);
  if (!/^[A-Za-z0-9]{1,19}$/.test(account)) {
    throw invalid(`account must be 1–19 ASCII letters or digits, got "${account}"`);
  }
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount < 1 || String(amount).length > 13)) {
    throw invalid(`amount must be a whole number of đồng from 1 to 13 digits, got ${amount}`);
  }
  if (purpose !== undefined && (purpose.length > PURPOSE_MAX || !PURPOSE.test(purpose))) {
    throw invalid(
      `purpose must be 1–${PURPOSE_MAX} ASCII letters, digits, dashes and single inner spaces, got "${purpose}"`,
    );
  }
  const merchant =
    tlv("00", NAPAS_GUID) + tlv("01", tlv("00", bankBin) + tlv("01", account)) + tlv("02", SERVICE_ACCOUNT);
  const body =
    tlv("00", "01") +
    tlv("01", amount === undefined ? "11" : "12") +
    tlv("38", merchant) +
    tlv("53", "704") +
    (amount === undefined ? "" : tlv("54", String(amount))) +
    tlv("58", "VN") +
    (purpose === undefined ? "" : tlv("62", tlv("08", purpose))) +
    CRC_TAG;
  return body + crc16CcittFalse(body);
}

/** The data objects of one template, by ID; `path` names the template in messages ("" for the root, "38.01"). */
type Template = { path: string; objects: Map<string, string> };

const tagName = (path: string, id: string) => `tag ${path ? `${path}.` : ""}${id}`;

/** Splits characters into data objects. Lengths count characters (code points), as NAPAS writes them. */
function parseTemplate(chars: readonly string[], path: string): Template {
  const objects = new Map<string, string>();
  const where = path ? `template ${path}` : "the payload";
  let at = 0;
  while (at < chars.length) {
    if (chars.length - at < 4) {
      throw new VietQrError(
        "TRUNCATED",
        `${where} ends ${chars.length - at} character(s) into a data object at position ${at}; its ID and length need 4`,
      );
    }
    const id = chars.slice(at, at + 2).join("");
    const length = chars.slice(at + 2, at + 4).join("");
    if (!/^\d\d$/.test(id)) {
      throw new VietQrError(
        "MALFORMED",
        `${where} has "${id}" at position ${at} where a 2-digit ID should be`,
      );
    }
    if (!/^\d\d$/.test(length)) {
      throw new VietQrError(
        "BAD_LENGTH",
        `${tagName(path, id)} has length "${length}"; a length is 2 digits`,
      );
    }
    const size = Number(length);
    const start = at + 4;
    if (start + size > chars.length) {
      throw new VietQrError(
        "TRUNCATED",
        `${tagName(path, id)} declares ${size} characters but only ${chars.length - start} remain`,
      );
    }
    if (objects.has(id)) throw new VietQrError("DUPLICATE_TAG", `${tagName(path, id)} appears twice`);
    objects.set(id, chars.slice(start, start + size).join(""));
    at = start + size;
  }
  return { path, objects };
}

function required({ path, objects }: Template, id: string, what: string): string {
  const value = objects.get(id);
  if (value === undefined) throw new VietQrError("MISSING_TAG", `${tagName(path, id)} (${what}) is missing`);
  return value;
}

function requiredEqual(template: Template, id: string, what: string, wanted: string): void {
  const value = required(template, id, what);
  if (value !== wanted) {
    throw new VietQrError(
      "BAD_VALUE",
      `${tagName(template.path, id)} (${what}) must be "${wanted}", found "${value}"`,
    );
  }
}

function child(parent: Template, id: string, what: string): Template {
  const path = parent.path ? `${parent.path}.${id}` : id;
  return parseTemplate(Array.from(required(parent, id, what)), path);
}

/**
 * Checks the CRC before the structure, so that any changed character of a well-formed payload is reported as a CRC
 * mismatch. A payload that does not end in "6304" and a CRC is left to the structural checks, which then fail.
 */
function checkCrc(payload: string): void {
  const tail = payload.slice(-8);
  if (tail.length < 8 || !tail.startsWith(CRC_TAG)) return;
  const found = tail.slice(4);
  if (!/^[0-9A-Fa-f]{4}$/.test(found)) {
    throw new VietQrError("MALFORMED", `the CRC (tag 63) must be 4 hexadecimal digits, found "${found}"`);
  }
  const expected = crc16CcittFalse(payload.slice(0, -4));
  // Some banks' apps print the CRC in lowercase (an MBBank QR does): the value is what counts.
  if (found.toUpperCase() !== expected) {
    throw new VietQrError(
      "CRC_MISMATCH",
      `CRC mismatch: expected ${expected} for this content, found ${found}`,
    );
  }
}

function checkStructure(payload: string, root: Template): void {
  if (!payload.startsWith("00")) {
    throw new VietQrError("MALFORMED", "a payload must begin with tag 00 (payload format indicator)");
  }
  const crc = root.objects.get("63");
  if (crc === undefined) throw new VietQrError("MISSING_TAG", "tag 63 (CRC) is missing");
  if (crc.length !== 4)
    throw new VietQrError("BAD_LENGTH", `tag 63 (CRC) must be 4 characters, found ${crc.length}`);
  if ([...root.objects.keys()].at(-1) !== "63") {
    throw new VietQrError("MALFORMED", "tag 63 (CRC) must be the last data object");
  }
}

/**
 * Reads a VietQR transfer payload, checking its CRC, its structure and every field a transfer needs.
 * Data objects this product does not use (merchant category, bill number, …) are allowed and ignored.
 * @throws VietQrError with a stable code and a message naming the tag at fault
 */
export function decodeVietQr(payload: string): VietQrFields {
  if (payload === "") throw new VietQrError("TRUNCATED", "the payload is empty");
  checkCrc(payload);
  const root = parseTemplate(Array.from(payload), "");
  checkStructure(payload, root);
  requiredEqual(root, "00", "payload format indicator", "01");
  const initiation = required(root, "01", "point of initiation");
  if (initiation !== "11" && initiation !== "12") {
    throw new VietQrError(
      "BAD_VALUE",
      `tag 01 (point of initiation) must be "11" (static) or "12" (dynamic), found "${initiation}"`,
    );
  }
  if (!root.objects.has("38")) {
    throw new VietQrError("NOT_NAPAS", "no tag 38 (NAPAS merchant account): this is not a VietQR transfer");
  }
  const merchant = child(root, "38", "merchant account");
  const guid = required(merchant, "00", "GUID");
  if (guid !== NAPAS_GUID) {
    throw new VietQrError("NOT_NAPAS", `tag 38.00 (GUID) must be NAPAS's ${NAPAS_GUID}, found "${guid}"`);
  }
  const beneficiary = child(merchant, "01", "beneficiary");
  const bankBin = required(beneficiary, "00", "bank BIN");
  if (!/^\d{6}$/.test(bankBin)) {
    throw new VietQrError("BAD_VALUE", `tag 38.01.00 (bank BIN) must be 6 digits, found "${bankBin}"`);
  }
  const account = required(beneficiary, "01", "account");
  if (account === "") throw new VietQrError("BAD_VALUE", "tag 38.01.01 (account) is empty");
  const service = required(merchant, "02", "service code");
  if (service !== SERVICE_ACCOUNT) {
    const known = SERVICES[service];
    throw new VietQrError(
      "UNSUPPORTED_SERVICE",
      `tag 38.02 (service code) is "${service}"${known ? ` (${known})` : ""}; only ${SERVICE_ACCOUNT} (transfer to an account) is supported`,
    );
  }
  requiredEqual(root, "53", "currency", "704");
  requiredEqual(root, "58", "country", "VN");
  const amountText = root.objects.get("54");
  let amount: number | null = null;
  if (amountText !== undefined) {
    amount = Number(amountText);
    if (!/^\d{1,13}$/.test(amountText) || amount < 1) {
      throw new VietQrError(
        "BAD_VALUE",
        `tag 54 (amount) must be a positive whole number of đồng, found "${amountText}"`,
      );
    }
  }
  const purpose = root.objects.has("62")
    ? (child(root, "62", "additional data").objects.get("08") ?? null)
    : null;
  return {
    kind: initiation === "12" ? "dynamic" : "static",
    bankBin,
    bankName: bankByBin(bankBin)?.shortName ?? null,
    account,
    amount,
    purpose,
    currency: "704",
    country: "VN",
  };
}
