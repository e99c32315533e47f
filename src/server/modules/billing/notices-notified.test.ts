import { describe, expect, it } from "vitest";
import { createLogger } from "../../platform/log/logger.js";
import { sendDueEverywhere } from "../notifications/send.task.js";
import { env, invoiceOf, month, post, startBillingApp } from "./billing.fixture.js";

startBillingApp();

/** Sends what waits, as if it were the next day (past any quiet hours). */
const sendAll = () =>
  sendDueEverywhere(env.db, env.app.platform, createLogger("silent"), new Date(Date.now() + 24 * 3600_000));

const smsTo = (phone: string, containing: string) =>
  env.sms.sent.filter((m) => m.phone === phone && m.text.includes(containing));

describe("billing notifications", () => {
  it("tells the household of an issued notice (amount, due date, memo) and of a payment received", async () => {
    const m = await month("issued");
    const notice = await invoiceOf(m, "A-01.01");
    await sendAll();
    // The owner has no account and only a phone: the notice reaches her by SMS, as a care message.
    const [told] = smsTo("0912345678", "phí tháng 11/2026");
    const amount = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(
      notice.total,
    );
    const due = (notice.dueOn as string).split("-").reverse().join("/");
    expect(told?.text).toContain(
      `Căn A-01.01: phí tháng 11/2026 ${amount}, hạn ${due}. Nội dung CK: ${notice.code}`,
    );
    expect(told?.text).toContain(`http://chungcu.test/app/invoices/${notice.id}`);
    expect(told?.type).toBe("care");

    await post(m.accountant, "/payments/cash", { invoiceId: notice.id, amount: 100_000 });
    await sendAll();
    const [receipt] = smsTo("0912345678", "Đã nhận");
    const left = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(
      notice.total - 100_000,
    );
    expect(receipt?.text).toContain("Đã nhận 100.000");
    expect(receipt?.text).toContain(`Số còn phải nộp: ${left}`);
  });
});
