/*
 * Opening the transfer in a banking app, for a resident who pays from the phone the QR is shown on.
 *
 * VietQR.io's deep link (https://www.vietqr.io/deeplink) opens the payer's banking app with the transfer filled
 * in: https://dl.vietqr.io/pay?app={payer's app}&am={amount}&tn={memo}&ba={account}@{receiving bank's code}
 * &bn={account name}&url={where to come back}. `app` names the app the resident pays FROM, not the building's
 * bank; the app fills in the amount and memo only where it supports it, and VietQR.io lists those as they come
 * (OCB OMNI 2024-05, ACB ONE 2025-10, BIDV SmartBanking 2026-01, VietinBank iPay 2026-02, MB Bank 2026-07).
 * So we offer exactly those apps — another app would open on its home screen and the resident would have to
 * type the memo, which is what the saved QR image is for. `ba` needs the receiving bank's NAPAS short code in
 * lower case (not its BIN): we know it for the banks below and offer no link for another bank.
 */

/** The payer apps that open with the amount and memo filled in (VietQR.io's changelog). */
export const AUTOFILL_APPS = [
  { app: "mb", name: "MB Bank" },
  { app: "bidv", name: "BIDV SmartBanking" },
  { app: "icb", name: "VietinBank iPay" },
  { app: "acb", name: "ACB ONE" },
  { app: "ocb", name: "OCB OMNI" },
] as const;

/** NAPAS short codes of receiving banks, by BIN, as VietQR.io's bank list spells them (lower case). */
const BANK_CODES: Record<string, string> = {
  "970436": "vcb",
  "970415": "icb",
  "970418": "bidv",
  "970405": "vba",
  "970422": "mb",
  "970407": "tcb",
  "970416": "acb",
  "970432": "vpb",
  "970423": "tpb",
  "970403": "stb",
  "970437": "hdb",
  "970448": "ocb",
  "970441": "vib",
  "970443": "shb",
  "970431": "eib",
  "970426": "msb",
  "970440": "seab",
  "970449": "lpb",
};

type Transfer = { bankBin: string; accountNumber: string; accountName: string; amount: number; memo: string };

/**
 * A deep link per autofill app for this transfer, or none when the receiving bank's code is unknown. `back` is
 * where the app returns after paying (the notice's page); VietQR.io asks that `@` and the return URL be kept
 * as they are, and the rest query-encoded.
 */
export function bankAppLinks(
  transfer: Transfer,
  back: string,
): { app: string; name: string; href: string }[] {
  const bank = BANK_CODES[transfer.bankBin];
  if (!bank) return [];
  const q = (value: string) => encodeURIComponent(value);
  return AUTOFILL_APPS.map(({ app, name }) => ({
    app,
    name,
    href:
      `https://dl.vietqr.io/pay?app=${app}&am=${transfer.amount}&tn=${q(transfer.memo)}` +
      `&ba=${q(transfer.accountNumber)}@${bank}&bn=${q(transfer.accountName)}&url=${back}`,
  }));
}
