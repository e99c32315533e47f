import { defineTemplate } from "../notifications/index.js";
import { formatVnd } from "./core/money.js";

/** "2026-11" as "11/2026"; "2026-12-15" as "15/12/2026". */
const monthOf = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;
const dayOf = (date: string) => date.split("-").reverse().join("/");

type Issued = { unit: string; period: string; amount: number; dueOn: string; code: string };

/** A fee notice was issued: how much, by when, and how to pay (the link opens it with its VietQR). */
export const noticeIssuedTemplate = defineTemplate<Issued>({
  key: "billing.notice-issued",
  category: "billing",
  vi: (d) => ({
    title: `Thông báo phí tháng ${monthOf(d.period)} – căn hộ ${d.unit}`,
    body:
      `Số tiền ${formatVnd(d.amount)}, hạn nộp ${dayOf(d.dueOn)}. Thanh toán trong ứng dụng (VietQR hoặc thẻ), ` +
      `hoặc chuyển khoản với nội dung ${d.code}.`,
    short: `Căn ${d.unit}: phí tháng ${monthOf(d.period)} ${formatVnd(d.amount)}, hạn ${dayOf(d.dueOn)}. Nội dung CK: ${d.code}`,
  }),
  en: (d) => ({
    title: `Fee notice for ${monthOf(d.period)} – unit ${d.unit}`,
    body:
      `Amount ${formatVnd(d.amount)}, due ${dayOf(d.dueOn)}. Pay in the app (VietQR or card), or by bank ` +
      `transfer with the memo ${d.code}.`,
    short: `Unit ${d.unit}: fees for ${monthOf(d.period)} ${formatVnd(d.amount)}, due ${dayOf(d.dueOn)}. Memo: ${d.code}`,
  }),
});

type Received = { unit: string; amount: number; reference: string; balance: number };

/** A payment was recorded: the receipt, and what is still owed. */
export const paymentReceivedTemplate = defineTemplate<Received>({
  key: "billing.payment-received",
  category: "billing",
  vi: (d) => ({
    title: `Đã nhận ${formatVnd(d.amount)} – căn hộ ${d.unit}`,
    body: `Ban quản lý đã nhận khoản thanh toán ${formatVnd(d.amount)} (${d.reference}). ${
      d.balance > 0 ? `Số còn phải nộp: ${formatVnd(d.balance)}.` : "Căn hộ không còn khoản phí nào phải nộp."
    }`,
  }),
  en: (d) => ({
    title: `${formatVnd(d.amount)} received – unit ${d.unit}`,
    body: `The management received your payment of ${formatVnd(d.amount)} (${d.reference}). ${
      d.balance > 0 ? `Still to pay: ${formatVnd(d.balance)}.` : "Nothing is left to pay for the unit."
    }`,
  }),
});

type Overdue = { unit: string; period: string; code: string; balance: number; dueOn: string };

/** An overdue notice, reminded at the building's pace. */
export const reminderTemplate = defineTemplate<Overdue>({
  key: "billing.reminder",
  category: "billing",
  vi: (d) => ({
    title: `Nhắc nộp phí căn hộ ${d.unit}`,
    body:
      `Căn hộ ${d.unit}: thông báo phí ${d.code} kỳ ${monthOf(d.period)} còn ${formatVnd(d.balance)}, đã quá hạn ` +
      `${dayOf(d.dueOn)}. Vui lòng thanh toán (chuyển khoản với nội dung ${d.code}) hoặc liên hệ Ban quản lý.`,
    short: `Căn ${d.unit}: phí ${d.code} còn ${formatVnd(d.balance)}, quá hạn ${dayOf(d.dueOn)}. Nội dung CK: ${d.code}`,
  }),
  en: (d) => ({
    title: `Payment reminder for unit ${d.unit}`,
    body:
      `Unit ${d.unit}: fee notice ${d.code} for ${monthOf(d.period)} still has ${formatVnd(d.balance)} to pay, ` +
      `overdue since ${dayOf(d.dueOn)}. Please pay (bank transfer with the memo ${d.code}) or contact the management.`,
    short: `Unit ${d.unit}: notice ${d.code} owes ${formatVnd(d.balance)}, overdue since ${dayOf(d.dueOn)}. Memo: ${d.code}`,
  }),
});

export const billingTemplates = [noticeIssuedTemplate, paymentReceivedTemplate, reminderTemplate];
