import { message } from "../../platform/i18n/messages.js";
import { defineTemplate } from "../notifications/index.js";

type BreachNotice = {
  company: string;
  title: string;
  description: string;
  detectedAt: string;
  fieldsVi: string;
  fieldsEn: string;
  steps: string;
};

/** What the law requires a person be told of a breach of their data (DESIGN §3), on every channel they use. */
export const breachNoticeTemplate = defineTemplate<BreachNotice>({
  key: "privacy.breach-notice",
  category: "account",
  vi: (d) => ({
    title: message("vi", "BREACH_NOTICE_SUBJECT", { company: d.company }),
    body: message("vi", "BREACH_NOTICE_TEXT", { ...d, fields: d.fieldsVi }),
  }),
  en: (d) => ({
    title: message("en", "BREACH_NOTICE_SUBJECT", { company: d.company }),
    body: message("en", "BREACH_NOTICE_TEXT", { ...d, fields: d.fieldsEn }),
  }),
});

/** To the company admins: an incident's 72-hour clock ran out unanswered. */
export const breachOverdueTemplate = defineTemplate<{ title: string }>({
  key: "privacy.breach-overdue",
  category: "account",
  vi: (d) => ({ title: message("vi", "BREACH_OVERDUE_TITLE"), body: d.title }),
  en: (d) => ({ title: message("en", "BREACH_OVERDUE_TITLE"), body: d.title }),
});

const POLICY_TITLE = {
  privacy: { vi: "Chính sách quyền riêng tư đã thay đổi", en: "The privacy policy has changed" },
  terms: { vi: "Điều khoản sử dụng đã thay đổi", en: "The terms of use have changed" },
};

type PolicyChanged = { company: string; summaryVi: string; summaryEn: string };

const policyTemplate = (kind: "privacy" | "terms") =>
  defineTemplate<PolicyChanged>({
    key: `privacy.${kind}-changed`,
    category: "account",
    vi: (d) => ({ title: `${d.company}: ${POLICY_TITLE[kind].vi}`, body: d.summaryVi }),
    en: (d) => ({ title: `${d.company}: ${POLICY_TITLE[kind].en}`, body: d.summaryEn }),
  });

/** A new version of the privacy policy or the terms, told to every resident. */
export const policyTemplates = { privacy: policyTemplate("privacy"), terms: policyTemplate("terms") };

type RequestDue = { kind: string; due: string };

/** To those who handle data-subject requests: a new one arrived, with its deadline. */
export const requestReceivedTemplate = defineTemplate<RequestDue>({
  key: "privacy.request-received",
  category: "account",
  vi: (d) => ({ title: "Yêu cầu mới về dữ liệu cá nhân", body: `${d.kind}, hạn ${d.due}` }),
  en: (d) => ({ title: "New data-subject request", body: `${d.kind}, due ${d.due}` }),
});

/** To the company admins: a request passed its deadline unanswered. */
export const requestOverdueTemplate = defineTemplate<RequestDue>({
  key: "privacy.request-overdue",
  category: "account",
  vi: (d) => ({ title: "Yêu cầu về dữ liệu cá nhân đã quá hạn", body: `${d.kind} — ${d.due}` }),
  en: (d) => ({ title: "A data-subject request is overdue", body: `${d.kind} — ${d.due}` }),
});

/** To the person: their request was completed or declined, and why. */
export const requestAnsweredTemplate = defineTemplate<{
  status: "completed" | "rejected";
  resolution: string;
}>({
  key: "privacy.request-answered",
  category: "account",
  vi: (d) => ({
    title:
      d.status === "completed"
        ? "Yêu cầu về dữ liệu của bạn đã được xử lý"
        : "Yêu cầu về dữ liệu của bạn bị từ chối",
    body: d.resolution,
  }),
  en: (d) => ({
    title: d.status === "completed" ? "Your data request was completed" : "Your data request was declined",
    body: d.resolution,
  }),
});

export const privacyTemplates = [
  breachNoticeTemplate,
  breachOverdueTemplate,
  ...Object.values(policyTemplates),
  requestReceivedTemplate,
  requestOverdueTemplate,
  requestAnsweredTemplate,
];
