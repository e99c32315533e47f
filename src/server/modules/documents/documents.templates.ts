import { defineTemplate } from "../notifications/index.js";

/** A document residents must read and acknowledge was published, or got a new version. */
export const toAcknowledgeTemplate = defineTemplate<{ title: string; version: number }>({
  key: "documents.to-acknowledge",
  category: "building",
  vi: (d) => ({
    title: `Tài liệu cần đọc và xác nhận: ${d.title}`,
    body:
      d.version > 1
        ? `Ban quản lý đã cập nhật "${d.title}" (phiên bản ${d.version}). Vui lòng đọc và xác nhận đã đọc trong ứng dụng.`
        : `Ban quản lý đã đăng "${d.title}". Vui lòng đọc và xác nhận đã đọc trong ứng dụng.`,
    short: `Vui lòng đọc và xác nhận "${d.title}" trong ứng dụng.`,
  }),
  en: (d) => ({
    title: `To read and acknowledge: ${d.title}`,
    body:
      d.version > 1
        ? `The management updated "${d.title}" (version ${d.version}). Please read it and acknowledge it in the app.`
        : `The management published "${d.title}". Please read it and acknowledge it in the app.`,
    short: `Please read and acknowledge "${d.title}" in the app.`,
  }),
});

export const documentTemplates = [toAcknowledgeTemplate];
