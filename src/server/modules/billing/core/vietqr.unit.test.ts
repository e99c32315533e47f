import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BANKS, bankByBin } from "../../../../contracts/banks.js";
import { crc16CcittFalse, decodeVietQr, encodeVietQr, VietQrError, type VietQrErrorCode } from "./vietqr.js";

// Published payloads, each CRC recomputed here before use (CRC-16/CCITT-FALSE over everything up to "6304").
const PUBLISHED = {
  /** github.com/xuannghia/vietnam-qr-pay test/test-quick-gen-qr.spec.ts, "VietQR Static". */
  acbStatic: "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F",
  /** Same file, "VietQR Dynamic". */
  acbDynamic:
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6",
  /** github.com/xuannghia/vietnam-qr-pay test/test-vietqr.spec.ts, "VietQR". */
  acb1000:
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8",
  /** Same file, "CRC with three-byte": a CRC with a leading zero. */
  techcombankStatic:
    "00020101021138580010A000000727012800069704070114190304136010180208QRIBFTTA53037045802VN63040283",
  /** Same file, "MBBank QR with lowercase CRC", as MBBank's app prints it. */
  mbLowercaseCrc:
    "00020101021138540010A00000072701240006970422011003523509170208QRIBFTTA53037045802VN630479db",
  /** github.com/subiz/vietqr vietqr_test.go, the static case. */
  tpbankStatic: "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4",
  /** Same file, a dynamic case with a memo. */
  mbDynamic:
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6",
  /** github.com/subiz/vietqr README.md: 120,000 đồng to VietinBank, "ung ho lu lut". */
  vietinbank:
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C",
};

// Published payloads that must be refused.
const REFUSED: [string, string, VietQrErrorCode, RegExp][] = [
  [
    "xuannghia/vietnam-qr-pay test/test-vietqr.spec.ts, 'Invalid CRC VietQR'",
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB5",
    "CRC_MISMATCH",
    /expected BBB8.*found BBB5/,
  ],
  [
    // Its CRC is right, but QRIBFTTA sits inside 38.01 instead of 38: a bank app would not read it as a transfer.
    "binhnguyenduc/vietqr-ts tests/fixtures/vietqr-samples.ts, DYNAMIC_FULL",
    "00020101021238570010A00000072701390006970422011301234567890200208QRIBFTTA53037045405500005802VN62160812Test Payment630495B6",
    "MISSING_TAG",
    /tag 38\.02 \(service code\)/,
  ],
  [
    "xuannghia/vietnam-qr-pay test/test-quick-gen-qr.spec.ts, 'VNPayQR' (a VNPAY merchant QR, tag 26)",
    "00020101021126280010A0000007750110010215477853037045802VN5912TUGIACOMPANY62310315TU GIA COMPUTER0708TUGIACO16304DF44",
    "NOT_NAPAS",
    /no tag 38/,
  ],
  [
    "xuannghia/vietnam-qr-pay test/test-evn-qr.spec.ts (an EVN bill QR)",
    "000201010211262400020001140100101114-0195204490053037045802VN5931EVN CONG TY DIEN LUC THANH XUAN6006Ha Noi62450302000613PD000000000000702000812TT tien dien6304DC30",
    "NOT_NAPAS",
    /no tag 38/,
  ],
];

const tlv = (id: string, value: string) => `${id}${String(value.length).padStart(2, "0")}${value}`;
/** A payload with a correct CRC around any body, to reach the checks behind the CRC. */
const withCrc = (body: string) => `${body}6304${crc16CcittFalse(`${body}6304`)}`;
const merchant = (bin = "970436", account = "1023456789", service = "QRIBFTTA") =>
  tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", bin) + tlv("01", account)) + tlv("02", service));
const HEAD = `${tlv("00", "01")}${tlv("01", "12")}`;

function codeOf(payload: string): VietQrErrorCode | null {
  try {
    decodeVietQr(payload);
    return null;
  } catch (err) {
    if (err instanceof VietQrError) return err.code;
    throw err;
  }
}

function expectRefused(payload: string, code: VietQrErrorCode, message?: RegExp) {
  try {
    decodeVietQr(payload);
  } catch (err) {
    expect(err).toBeInstanceOf(VietQrError);
    expect((err as VietQrError).code, (err as Error).message).toBe(code);
    if (message) expect((err as Error).message).toMatch(message);
    return;
  }
  throw new Error(`accepted: ${payload}`);
}

const input = fc.record(
  {
    bankBin: fc.oneof(fc.constantFrom(...BANKS.map((b) => b.bin)), fc.stringMatching(/^\d{6}$/)),
    account: fc.stringMatching(/^[A-Za-z0-9]{1,19}$/),
    amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
    purpose: fc.stringMatching(/^[A-Za-z0-9-]{1,6}( [A-Za-z0-9-]{1,6}){0,2}$/),
  },
  { requiredKeys: ["bankBin", "account"] },
);

describe("crc16CcittFalse", () => {
  it("gives the catalogue check value and pads to four digits", () => {
    expect(crc16CcittFalse("123456789")).toBe("29B1");
    expect(crc16CcittFalse("")).toBe("FFFF");
    expect(crc16CcittFalse(PUBLISHED.techcombankStatic.slice(0, -4))).toBe("0283");
  });

  it("agrees with every published payload", () => {
    for (const payload of Object.values(PUBLISHED)) {
      expect(crc16CcittFalse(payload.slice(0, -4))).toBe(payload.slice(-4).toUpperCase());
    }
  });
});

describe("encodeVietQr", () => {
  it("builds the same payloads as two independent published implementations", () => {
    expect(encodeVietQr({ bankBin: "970416", account: "257678859" })).toBe(PUBLISHED.acbStatic);
    expect(
      encodeVietQr({ bankBin: "970416", account: "257678859", amount: 10_000, purpose: "Chuyen tien" }),
    ).toBe(PUBLISHED.acbDynamic);
    expect(encodeVietQr({ bankBin: "970423", account: "0099999999" })).toBe(PUBLISHED.tpbankStatic);
    expect(
      encodeVietQr({
        bankBin: "970422",
        account: "0023457923442",
        amount: 40_123,
        purpose: "test text string",
      }),
    ).toBe(PUBLISHED.mbDynamic);
  });

  it("carries an invoice code as the purpose", () => {
    const payload = encodeVietQr({
      bankBin: "970436",
      account: "1023456789",
      amount: 636_768,
      purpose: "HD-2026-000123",
    });
    expect(payload).toContain("540663676858");
    expect(payload).toContain("62180814HD-2026-000123");
    expect(decodeVietQr(payload).purpose).toBe("HD-2026-000123");
  });

  it("refuses fields a bank would not accept", () => {
    const ok = { bankBin: "970436", account: "1023456789" };
    const bad = [
      { ...ok, bankBin: "97043" },
      { ...ok, bankBin: "97043A" },
      { ...ok, account: "" },
      { ...ok, account: "1023 456789" },
      { ...ok, account: "1".repeat(20) },
      { ...ok, account: "số1" },
      { ...ok, amount: 0 },
      { ...ok, amount: -5 },
      { ...ok, amount: 1.5 },
      { ...ok, amount: 10_000_000_000_000 },
      { ...ok, purpose: "" },
      { ...ok, purpose: "A".repeat(26) },
      { ...ok, purpose: "Thanh toán" },
      { ...ok, purpose: "HD  123" },
      { ...ok, purpose: " HD123" },
      { ...ok, purpose: "HD123 " },
      { ...ok, purpose: "HD_123" },
      { ...ok, purpose: "HD#123" },
    ];
    for (const fields of bad) {
      expect(() => encodeVietQr(fields), JSON.stringify(fields)).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT" }),
      );
    }
    expect(encodeVietQr({ ...ok, purpose: "A".repeat(25) })).toContain("A".repeat(25));
  });
});

describe("decodeVietQr", () => {
  it("reads published payloads", () => {
    expect(decodeVietQr(PUBLISHED.vietinbank)).toEqual({
      kind: "dynamic",
      bankBin: "970415",
      bankName: "VietinBank",
      account: "0011001932418",
      amount: 120_000,
      purpose: "ung ho lu lut",
      currency: "704",
      country: "VN",
    });
    expect(decodeVietQr(PUBLISHED.acb1000)).toMatchObject({
      kind: "dynamic",
      bankName: "ACB",
      account: "257678859",
      amount: 1_000,
      purpose: "Chuyen tien",
    });
    expect(decodeVietQr(PUBLISHED.techcombankStatic)).toMatchObject({
      kind: "static",
      bankBin: "970407",
      bankName: "Techcombank",
      account: "19030413601018",
      amount: null,
      purpose: null,
    });
    expect(decodeVietQr(PUBLISHED.mbLowercaseCrc)).toMatchObject({ bankName: "MB", account: "0352350917" });
  });

  it.each(REFUSED)("refuses %s", (_source, payload, code, message) => {
    expect(crc16CcittFalse(payload.slice(0, -4)) === payload.slice(-4)).toBe(code !== "CRC_MISMATCH");
    expectRefused(payload, code, message);
  });

  it("names each structural fault with its own code", () => {
    const good = encodeVietQr({ bankBin: "970436", account: "1023456789", amount: 50_000, purpose: "HD-1" });
    const tail = `${tlv("53", "704")}${tlv("58", "VN")}`;
    const cases: [string, VietQrErrorCode, RegExp][] = [
      [good.slice(0, 30), "TRUNCATED", /tag 38 declares 54 characters but only 14 remain/],
      [good.slice(0, 2), "TRUNCATED", /ends 2 character/],
      ["", "TRUNCATED", /empty/],
      [good.slice(0, -8), "MISSING_TAG", /tag 63 \(CRC\) is missing/],
      [withCrc(`${HEAD}${merchant()}53X3704`), "BAD_LENGTH", /tag 53 has length "X3"/],
      [`${HEAD}${merchant()}${tail}6305ABCD`, "TRUNCATED", /tag 63 declares 5/],
      [`${HEAD}${merchant()}${tail}6303ABC`, "BAD_LENGTH", /tag 63 \(CRC\) must be 4 characters/],
      [`${good.slice(0, -4)}ZZZZ`, "MALFORMED", /4 hexadecimal digits/],
      [withCrc(`${HEAD}${merchant()}A1020053037045802VN`), "MALFORMED", /"A1".*2-digit ID/],
      [withCrc(`${tlv("01", "12")}${tlv("00", "01")}${merchant()}${tail}`), "MALFORMED", /begin with tag 00/],
      [`${HEAD}${merchant()}6304${crc16CcittFalse(`${HEAD}${merchant()}6304`)}${tail}`, "MALFORMED", /last/],
      [withCrc(`${HEAD}${merchant()}${tlv("53", "704")}`), "MISSING_TAG", /tag 58 \(country\)/],
      [withCrc(`${HEAD}${merchant()}${tail}${tlv("58", "VN")}`), "DUPLICATE_TAG", /tag 58 appears twice/],
      [withCrc(`${tlv("00", "02")}${tlv("01", "12")}${merchant()}${tail}`), "BAD_VALUE", /tag 00/],
      [withCrc(`${tlv("00", "01")}${tlv("01", "13")}${merchant()}${tail}`), "BAD_VALUE", /tag 01/],
      [withCrc(`${tlv("00", "01")}${merchant()}${tail}`), "MISSING_TAG", /tag 01/],
      [
        withCrc(`${HEAD}${merchant()}${tlv("53", "840")}${tlv("58", "VN")}`),
        "BAD_VALUE",
        /"704", found "840"/,
      ],
      [withCrc(`${HEAD}${merchant()}${tlv("53", "704")}${tlv("58", "US")}`), "BAD_VALUE", /"VN", found "US"/],
      [
        withCrc(`${HEAD}${merchant()}${tlv("53", "704")}${tlv("54", "12.5")}${tlv("58", "VN")}`),
        "BAD_VALUE",
        /54/,
      ],
      [
        withCrc(`${HEAD}${merchant()}${tlv("53", "704")}${tlv("54", "0")}${tlv("58", "VN")}`),
        "BAD_VALUE",
        /54/,
      ],
      [withCrc(`${HEAD}${merchant("97043")}${tail}`), "BAD_VALUE", /38\.01\.00 \(bank BIN\)/],
      [withCrc(`${HEAD}${merchant("970436", "")}${tail}`), "BAD_VALUE", /38\.01\.01 \(account\) is empty/],
      [
        withCrc(`${HEAD}${merchant("970436", "9704361234567890", "QRIBFTTC")}${tail}`),
        "UNSUPPORTED_SERVICE",
        /card/,
      ],
      [withCrc(`${HEAD}${tlv("38", tlv("00", "A000000775"))}${tail}`), "NOT_NAPAS", /A000000775/],
      [
        withCrc(`${HEAD}${tlv("38", `${tlv("00", "A000000727")}0199`)}${tail}`),
        "TRUNCATED",
        /tag 38\.01 declares 99/,
      ],
    ];
    for (const [payload, code, message] of cases) expectRefused(payload, code, message);
  });

  it("reads what it does not use without complaint: a merchant category, a bill number, an unknown BIN", () => {
    const body = `${HEAD}${merchant("970999", "ABC123")}${tlv("52", "5999")}${tlv("53", "704")}${tlv("54", "65000")}${tlv("58", "VN")}${tlv("62", tlv("01", "NPS6869") + tlv("08", "HD-7"))}`;
    expect(decodeVietQr(withCrc(body))).toMatchObject({
      bankBin: "970999",
      bankName: null,
      account: "ABC123",
      amount: 65_000,
      purpose: "HD-7",
    });
    expect(
      decodeVietQr(
        withCrc(`${HEAD}${merchant()}${tlv("53", "704")}${tlv("58", "VN")}${tlv("62", tlv("01", "X"))}`),
      ).purpose,
    ).toBeNull();
  });

  it("gives back what was encoded", () => {
    fc.assert(
      fc.property(input, (x) => {
        const decoded = decodeVietQr(encodeVietQr(x));
        expect(decoded).toEqual({
          kind: x.amount === undefined ? "static" : "dynamic",
          bankBin: x.bankBin,
          bankName: bankByBin(x.bankBin)?.shortName ?? null,
          account: x.account,
          amount: x.amount ?? null,
          purpose: x.purpose ?? null,
          currency: "704",
          country: "VN",
        });
      }),
    );
  });

  it("detects any changed character: a CRC mismatch in the content, some refusal in the CRC field", () => {
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(input, fc.nat(), printable, (x, i, replacement) => {
        const payload = encodeVietQr(x);
        const at = i % payload.length;
        const original = payload[at] as string;
        const inCrcValue = at >= payload.length - 4;
        // A case change of a CRC letter keeps its value: decoders accept lowercase CRCs.
        fc.pre(replacement !== original && !(inCrcValue && replacement.toUpperCase() === original));
        const changed = payload.slice(0, at) + replacement + payload.slice(at + 1);
        const code = codeOf(changed);
        if (at < payload.length - 8) expect(code).toBe("CRC_MISMATCH");
        else expect(code).not.toBeNull();
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("banks", () => {
  it("finds banks by BIN", () => {
    expect(bankByBin("970436")).toEqual({
      bin: "970436",
      shortName: "Vietcombank",
      name: "Ngân hàng TMCP Ngoại Thương Việt Nam",
    });
    expect(bankByBin("970418")?.shortName).toBe("BIDV");
    expect(bankByBin("970406")?.shortName).toBe("Vikki Bank");
    expect(bankByBin("970999")).toBeNull();
  });

  it("lists each BIN once, as six digits, in order", () => {
    const bins = BANKS.map((b) => b.bin);
    expect(new Set(bins).size).toBe(bins.length);
    for (const bin of bins) expect(bin).toMatch(/^9704\d\d$/);
    expect([...bins].sort()).toEqual(bins);
  });
});
