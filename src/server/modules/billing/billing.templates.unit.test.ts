import { describe, expect, it } from "vitest";
import { render } from "../../platform/messaging/templates.js";
import { noticeIssuedTemplate, paymentReceivedTemplate, reminderTemplate } from "./billing.templates.js";

// Expected texts written by hand: "1.234.567 ₫" is how vi-VN writes VND (a no-break space before ₫).
const vnd = (digits: string) => `${digits}\u00a0₫`;

describe("billing notification templates", () => {
  const issued = {
    unit: "A-12.05",
    period: "2026-11",
    amount: 1_234_567,
    dueOn: "2026-12-15",
    code: "HD10000042",
  };

  it("words an issued notice in Vietnamese and in English, with the month, amount, due date and memo", () => {
    expect(render(noticeIssuedTemplate, "vi", issued)).toEqual({
      title: "Thông báo phí tháng 11/2026 – căn hộ A-12.05",
      body: `Số tiền ${vnd("1.234.567")}, hạn nộp 15/12/2026. Thanh toán trong ứng dụng (VietQR hoặc thẻ), hoặc chuyển khoản với nội dung HD10000042.`,
      short: `Căn A-12.05: phí tháng 11/2026 ${vnd("1.234.567")}, hạn 15/12/2026. Nội dung CK: HD10000042`,
    });
    expect(render(noticeIssuedTemplate, "en", issued)).toEqual({
      title: "Fee notice for 11/2026 – unit A-12.05",
      body: `Amount ${vnd("1.234.567")}, due 15/12/2026. Pay in the app (VietQR or card), or by bank transfer with the memo HD10000042.`,
      short: `Unit A-12.05: fees for 11/2026 ${vnd("1.234.567")}, due 15/12/2026. Memo: HD10000042`,
    });
  });

  it("says what is still owed after a payment, or that nothing is", () => {
    const paid = { unit: "B-03.01", amount: 500_000, reference: "PT2026/000012", balance: 250_000 };
    expect(render(paymentReceivedTemplate, "vi", paid).body).toBe(
      `Ban quản lý đã nhận khoản thanh toán ${vnd("500.000")} (PT2026/000012). Số còn phải nộp: ${vnd("250.000")}.`,
    );
    expect(render(paymentReceivedTemplate, "en", { ...paid, balance: 0 }).body).toBe(
      `The management received your payment of ${vnd("500.000")} (PT2026/000012). Nothing is left to pay for the unit.`,
    );
  });

  it("reminds of an overdue notice with the date it fell due", () => {
    const overdue = {
      unit: "C-01.01",
      period: "2026-10",
      code: "HD10000007",
      balance: 2_000_000,
      dueOn: "2026-11-10",
    };
    expect(render(reminderTemplate, "vi", overdue).title).toBe("Nhắc nộp phí căn hộ C-01.01");
    expect(render(reminderTemplate, "en", overdue).short).toBe(
      `Unit C-01.01: notice HD10000007 owes ${vnd("2.000.000")}, overdue since 10/11/2026. Memo: HD10000007`,
    );
  });
});
