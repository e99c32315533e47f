/**
 * Vietnamese banks by NAPAS BIN, the six digits a VietQR names the receiving bank by.
 *
 * Names as the banks' current legal names, checked against the list VietQR apps serve (api.vietqr.io/v2/banks, as
 * copied into public code) and github.com/subiz/vietqr `bank_generated.go`; renamed banks keep their BIN
 * (Đông Á → Vikki, OceanBank → MBV, LienVietPostBank → LPBank, PG Bank → Thịnh vượng và Phát triển).
 */

/** A bank that receives VietQR transfers. */
export type Bank = {
  /** NAPAS BIN (acquirer id), six digits. */
  bin: string;
  /** The name people use: "Vietcombank". */
  shortName: string;
  /** The legal name. */
  name: string;
};

/** The banks, by BIN. */
export const BANKS: readonly Bank[] = [
  { bin: "970400", shortName: "Saigonbank", name: "Ngân hàng TMCP Sài Gòn Công Thương" },
  { bin: "970403", shortName: "Sacombank", name: "Ngân hàng TMCP Sài Gòn Thương Tín" },
  { bin: "970405", shortName: "Agribank", name: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam" },
  { bin: "970406", shortName: "Vikki Bank", name: "Ngân hàng TNHH MTV Số Vikki" },
  { bin: "970407", shortName: "Techcombank", name: "Ngân hàng TMCP Kỹ thương Việt Nam" },
  { bin: "970408", shortName: "GPBank", name: "Ngân hàng Thương mại TNHH MTV Dầu Khí Toàn Cầu" },
  { bin: "970409", shortName: "BacABank", name: "Ngân hàng TMCP Bắc Á" },
  {
    bin: "970410",
    shortName: "Standard Chartered",
    name: "Ngân hàng TNHH MTV Standard Chartered Bank Việt Nam",
  },
  { bin: "970412", shortName: "PVcomBank", name: "Ngân hàng TMCP Đại Chúng Việt Nam" },
  { bin: "970414", shortName: "MBV", name: "Ngân hàng TNHH MTV Việt Nam Hiện Đại" },
  { bin: "970415", shortName: "VietinBank", name: "Ngân hàng TMCP Công thương Việt Nam" },
  { bin: "970416", shortName: "ACB", name: "Ngân hàng TMCP Á Châu" },
  { bin: "970418", shortName: "BIDV", name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam" },
  { bin: "970419", shortName: "NCB", name: "Ngân hàng TMCP Quốc Dân" },
  { bin: "970421", shortName: "VRB", name: "Ngân hàng Liên doanh Việt - Nga" },
  { bin: "970422", shortName: "MB", name: "Ngân hàng TMCP Quân đội" },
  { bin: "970423", shortName: "TPBank", name: "Ngân hàng TMCP Tiên Phong" },
  { bin: "970424", shortName: "Shinhan Bank", name: "Ngân hàng TNHH MTV Shinhan Việt Nam" },
  { bin: "970425", shortName: "ABBANK", name: "Ngân hàng TMCP An Bình" },
  { bin: "970426", shortName: "MSB", name: "Ngân hàng TMCP Hàng Hải Việt Nam" },
  { bin: "970427", shortName: "VietABank", name: "Ngân hàng TMCP Việt Á" },
  { bin: "970428", shortName: "NamABank", name: "Ngân hàng TMCP Nam Á" },
  { bin: "970429", shortName: "SCB", name: "Ngân hàng TMCP Sài Gòn" },
  { bin: "970430", shortName: "PGBank", name: "Ngân hàng TMCP Thịnh vượng và Phát triển" },
  { bin: "970431", shortName: "Eximbank", name: "Ngân hàng TMCP Xuất Nhập khẩu Việt Nam" },
  { bin: "970432", shortName: "VPBank", name: "Ngân hàng TMCP Việt Nam Thịnh Vượng" },
  { bin: "970433", shortName: "VietBank", name: "Ngân hàng TMCP Việt Nam Thương Tín" },
  { bin: "970434", shortName: "Indovina Bank", name: "Ngân hàng TNHH Indovina" },
  { bin: "970436", shortName: "Vietcombank", name: "Ngân hàng TMCP Ngoại Thương Việt Nam" },
  { bin: "970437", shortName: "HDBank", name: "Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh" },
  { bin: "970438", shortName: "BaoVietBank", name: "Ngân hàng TMCP Bảo Việt" },
  { bin: "970439", shortName: "Public Bank", name: "Ngân hàng TNHH MTV Public Việt Nam" },
  { bin: "970440", shortName: "SeABank", name: "Ngân hàng TMCP Đông Nam Á" },
  { bin: "970441", shortName: "VIB", name: "Ngân hàng TMCP Quốc tế Việt Nam" },
  { bin: "970442", shortName: "Hong Leong", name: "Ngân hàng TNHH MTV Hong Leong Việt Nam" },
  { bin: "970443", shortName: "SHB", name: "Ngân hàng TMCP Sài Gòn - Hà Nội" },
  { bin: "970444", shortName: "CBBank", name: "Ngân hàng Thương mại TNHH MTV Xây dựng Việt Nam" },
  { bin: "970446", shortName: "Co-opBank", name: "Ngân hàng Hợp tác xã Việt Nam" },
  { bin: "970448", shortName: "OCB", name: "Ngân hàng TMCP Phương Đông" },
  { bin: "970449", shortName: "LPBank", name: "Ngân hàng TMCP Lộc Phát Việt Nam" },
  { bin: "970452", shortName: "KienlongBank", name: "Ngân hàng TMCP Kiên Long" },
  { bin: "970454", shortName: "Viet Capital Bank", name: "Ngân hàng TMCP Bản Việt" },
  { bin: "970455", shortName: "IBK Hà Nội", name: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh Hà Nội" },
  { bin: "970456", shortName: "IBK HCM", name: "Ngân hàng Công nghiệp Hàn Quốc - Chi nhánh TP. Hồ Chí Minh" },
  { bin: "970457", shortName: "Woori", name: "Ngân hàng TNHH MTV Woori Việt Nam" },
  { bin: "970458", shortName: "UOB", name: "Ngân hàng United Overseas - Chi nhánh TP. Hồ Chí Minh" },
  { bin: "970462", shortName: "Kookmin Hà Nội", name: "Ngân hàng Kookmin - Chi nhánh Hà Nội" },
  { bin: "970463", shortName: "Kookmin HCM", name: "Ngân hàng Kookmin - Chi nhánh TP. Hồ Chí Minh" },
  { bin: "970466", shortName: "KEB Hana HCM", name: "Ngân hàng KEB Hana - Chi nhánh TP. Hồ Chí Minh" },
  { bin: "970467", shortName: "KEB Hana Hà Nội", name: "Ngân hàng KEB Hana - Chi nhánh Hà Nội" },
];

const byBin = new Map(BANKS.map((b) => [b.bin, b]));

/**
 * The bank with a NAPAS BIN.
 * @param bin six digits, e.g. "970436"
 * @returns the bank, or null when the BIN is not in the list
 */
export function bankByBin(bin: string): Bank | null {
  return byBin.get(bin) ?? null;
}
