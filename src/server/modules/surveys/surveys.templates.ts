import { defineTemplate } from "../notifications/index.js";

type Asked = { title: string; description: string };

const surveyTemplate = (purpose: "service" | "promotion") =>
  defineTemplate<Asked>({
    key: `surveys.${purpose}`,
    category: purpose === "promotion" ? "marketing" : "building",
    vi: (d) => ({
      title: `Khảo sát: ${d.title}`,
      body: d.description || "Mời bạn trả lời khảo sát của Ban quản lý.",
      short: `Ban quản lý mời bạn trả lời khảo sát "${d.title}"`,
    }),
    en: (d) => ({
      title: `Survey: ${d.title}`,
      body: d.description || "The management asks you to answer a survey.",
      short: `The management asks you to answer the survey "${d.title}"`,
    }),
  });

/** A service survey rests on the building's operations; a promotional one on marketing consent. */
export const surveyTemplates = { service: surveyTemplate("service"), promotion: surveyTemplate("promotion") };
