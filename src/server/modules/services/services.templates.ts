import { defineTemplate } from "../notifications/index.js";

/** The elevator window of a moving ("" for other services). */
type Window = "morning" | "afternoon" | "";
const WINDOW = {
  vi: { morning: " (thang máy 08:00–11:30)", afternoon: " (thang máy 13:30–17:00)" },
  en: { morning: " (elevator 08:00–11:30)", afternoon: " (elevator 13:30–17:00)" },
};
const day = (iso: string) => iso.split("-").reverse().join("/");

type RequestUpdate = {
  service: string;
  status: "approved" | "rejected" | "scheduled" | "done" | "cancelled";
  on: string;
  window: Window;
  reason: string;
};

/** What became of a household's service request. */
export const requestUpdateTemplate = defineTemplate<RequestUpdate>({
  key: "services.request-update",
  category: "building",
  vi: (d) => {
    const when = `${day(d.on)}${d.window ? WINDOW.vi[d.window] : ""}`;
    const text = {
      approved: `Ban quản lý đã duyệt yêu cầu ${d.service}. Lịch thực hiện sẽ được báo sau.`,
      rejected: `Ban quản lý không duyệt yêu cầu ${d.service}: ${d.reason}.`,
      scheduled: `Yêu cầu ${d.service} được xếp lịch ngày ${when}.`,
      done: `Dịch vụ ${d.service} đã hoàn thành. Phí (nếu có) được tính vào thông báo phí tháng.`,
      cancelled: `Ban quản lý đã hủy yêu cầu ${d.service}${d.reason ? `: ${d.reason}` : ""}.`,
    }[d.status];
    return { title: `Yêu cầu dịch vụ: ${d.service}`, body: text, short: text };
  },
  en: (d) => {
    const when = `${day(d.on)}${d.window ? WINDOW.en[d.window] : ""}`;
    const text = {
      approved: `The management approved your ${d.service} request. The date follows.`,
      rejected: `The management did not approve your ${d.service} request: ${d.reason}.`,
      scheduled: `Your ${d.service} request is scheduled for ${when}.`,
      done: `${d.service} is done. Any fee is on the month's fee notice.`,
      cancelled: `The management cancelled your ${d.service} request${d.reason ? `: ${d.reason}` : ""}.`,
    }[d.status];
    return { title: `Service request: ${d.service}`, body: text, short: text };
  },
});

type RenovationUpdate = {
  unit: string;
  status: "approved" | "rejected" | "completed";
  deposit: string;
  refunded: string;
  deducted: string;
  reason: string;
};

/** A manager's decision on a renovation, and the inspection's outcome for the deposit. */
export const renovationUpdateTemplate = defineTemplate<RenovationUpdate>({
  key: "services.renovation-update",
  category: "building",
  vi: (d) => {
    const text = {
      approved: `Đăng ký thi công căn ${d.unit} đã được duyệt. Tiền cọc ${d.deposit} được tính vào thông báo phí. Vui lòng thi công đúng giờ quy định.`,
      rejected: `Đăng ký thi công căn ${d.unit} không được duyệt: ${d.reason}.`,
      completed: `Đã nghiệm thu thi công căn ${d.unit}. Hoàn cọc ${d.refunded}${d.deducted !== "0 ₫" ? `, khấu trừ ${d.deducted}: ${d.reason}` : ""}.`,
    }[d.status];
    return { title: `Đăng ký thi công căn ${d.unit}`, body: text, short: text };
  },
  en: (d) => {
    const text = {
      approved: `The renovation of ${d.unit} is approved. The deposit of ${d.deposit} is on the fee notice. Please keep to the working hours.`,
      rejected: `The renovation of ${d.unit} was not approved: ${d.reason}.`,
      completed: `The renovation of ${d.unit} was inspected. ${d.refunded} of the deposit comes back${d.deducted !== "0 ₫" ? `, ${d.deducted} kept: ${d.reason}` : ""}.`,
    }[d.status];
    return { title: `Renovation of ${d.unit}`, body: text, short: text };
  },
});

export const serviceTemplates = [requestUpdateTemplate, renovationUpdateTemplate];
