import { defineTemplate } from "../notifications/index.js";

/** The management answered a resident's conversation. */
export const answeredTemplate = defineTemplate<{ topic: string; excerpt: string }>({
  key: "conversations.answered",
  category: "tickets",
  vi: (d) => ({ title: `Ban quản lý đã trả lời: ${d.topic}`, body: d.excerpt }),
  en: (d) => ({ title: `The management answered: ${d.topic}`, body: d.excerpt }),
});
