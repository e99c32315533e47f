import type { AnnouncementCategory } from "../../../contracts/announcements.js";
import { defineTemplate } from "../notifications/index.js";

type Published = { title: string; body: string };

const LABEL = {
  notice: { vi: "Thông báo", en: "Notice" },
  maintenance: { vi: "Bảo trì", en: "Maintenance" },
  event: { vi: "Sự kiện", en: "Event" },
  promotion: { vi: "Ưu đãi", en: "Offer" },
  emergency: { vi: "KHẨN CẤP", en: "EMERGENCY" },
} as const;

/** An emergency says so in its title, everywhere it shows (the inbox, an email's subject, a push). */
function wording(category: AnnouncementCategory, lang: "vi" | "en", d: Published) {
  const label = LABEL[category][lang];
  return {
    title: category === "emergency" ? `${label}: ${d.title}` : d.title,
    body: d.body,
    short: `${label}: ${d.title}`,
  };
}

const announcementTemplate = (category: AnnouncementCategory) =>
  defineTemplate<Published>({
    key: `announcements.${category}`,
    category:
      category === "promotion" ? "marketing" : category === "maintenance" ? "maintenance" : "building",
    vi: (d) => wording(category, "vi", d),
    en: (d) => wording(category, "en", d),
  });

/** One template per category: the category decides who may receive it and on which channels. */
export const announcementTemplates = {
  notice: announcementTemplate("notice"),
  maintenance: announcementTemplate("maintenance"),
  event: announcementTemplate("event"),
  promotion: announcementTemplate("promotion"),
  emergency: announcementTemplate("emergency"),
} satisfies Record<AnnouncementCategory, unknown>;
