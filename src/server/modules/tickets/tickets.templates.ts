import { defineTemplate } from "../notifications/index.js";

type About = { number: number; title: string };

const STATUS_VI: Record<string, string> = {
  new: "đã được ghi nhận",
  acknowledged: "đã được Ban quản lý tiếp nhận",
  in_progress: "đang được xử lý",
  waiting: "cần bạn phản hồi",
  resolved: "đã được xử lý xong — mời bạn đánh giá",
  reopened: "đã được mở lại",
  closed: "đã đóng",
};
const STATUS_EN: Record<string, string> = {
  new: "has been recorded",
  acknowledged: "has been acknowledged by the management",
  in_progress: "is being worked on",
  waiting: "needs your answer",
  resolved: "has been resolved — please rate it",
  reopened: "has been reopened",
  closed: "is closed",
};

/** The resident's ticket moved on (acknowledged, waiting for them, resolved). */
export const ticketStatusTemplate = defineTemplate<About & { status: string }>({
  key: "tickets.status",
  category: "tickets",
  vi: (d) => ({
    title: `Phản ánh #${d.number} ${STATUS_VI[d.status] ?? d.status}`,
    body: d.title,
    short: `Phản ánh #${d.number} "${d.title}" ${STATUS_VI[d.status] ?? d.status}`,
  }),
  en: (d) => ({
    title: `Ticket #${d.number} ${STATUS_EN[d.status] ?? d.status}`,
    body: d.title,
    short: `Ticket #${d.number} "${d.title}" ${STATUS_EN[d.status] ?? d.status}`,
  }),
});

/** The management wrote in the resident's ticket. */
export const ticketAnsweredTemplate = defineTemplate<About & { excerpt: string }>({
  key: "tickets.answered",
  category: "tickets",
  vi: (d) => ({ title: `Ban quản lý trả lời phản ánh #${d.number}: ${d.title}`, body: d.excerpt }),
  en: (d) => ({ title: `The management answered ticket #${d.number}: ${d.title}`, body: d.excerpt }),
});

/** A resident reported a problem in a building the staff member runs. */
export const newTicketTemplate = defineTemplate<About & { unitCode: string }>({
  key: "tickets.new",
  category: "tickets",
  vi: (d) => ({ title: `Phản ánh mới #${d.number} — căn ${d.unitCode}`, body: d.title }),
  en: (d) => ({ title: `New ticket #${d.number} — unit ${d.unitCode}`, body: d.title }),
});

/** A ticket was given to the technician. */
export const assignedTemplate = defineTemplate<About & { unitCode: string }>({
  key: "tickets.assigned",
  category: "tickets",
  vi: (d) => ({ title: `Bạn được giao phản ánh #${d.number} — căn ${d.unitCode}`, body: d.title }),
  en: (d) => ({ title: `Ticket #${d.number} assigned to you — unit ${d.unitCode}`, body: d.title }),
});

export const ticketTemplates = [
  ticketStatusTemplate,
  ticketAnsweredTemplate,
  newTicketTemplate,
  assignedTemplate,
];
