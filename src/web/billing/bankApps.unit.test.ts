import { describe, expect, it } from "vitest";
import { bankAppLinks } from "./bankApps.js";

const transfer = {
  bankBin: "970436",
  accountNumber: "0071000123456",
  accountName: "BAN QUAN LY TOA SEN",
  amount: 2_041_974,
  memo: "HD10000123",
};

describe("bankAppLinks", () => {
  it("builds VietQR.io's deep link for each app that fills the transfer in", () => {
    const links = bankAppLinks(transfer, "https://app.example.vn/app/invoices/1");
    expect(links.map((l) => l.app)).toEqual(["mb", "bidv", "icb", "acb", "ocb"]);
    expect(links[0]?.href).toBe(
      "https://dl.vietqr.io/pay?app=mb&am=2041974&tn=HD10000123&ba=0071000123456@vcb" +
        "&bn=BAN%20QUAN%20LY%20TOA%20SEN&url=https://app.example.vn/app/invoices/1",
    );
  });

  it("offers no link when the receiving bank's code is not known", () => {
    expect(bankAppLinks({ ...transfer, bankBin: "970999" }, "https://x.vn")).toEqual([]);
  });
});
