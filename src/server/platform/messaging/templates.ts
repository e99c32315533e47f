import type { Lang } from "../../../contracts/common.js";
import { NotificationCategory as NotificationCategorySchema } from "../../../contracts/notifications.js";

/** What a notification is about; a person turns channels on or off per category. */
export const NOTIFICATION_CATEGORIES = NotificationCategorySchema.options;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export type TemplateData = Record<string, string | number>;

/** A message in one language: a title and a body for the app, the email and a push; `short` for SMS and Zalo. */
export type Rendered = { title: string; body: string; short?: string };

/**
 * A notification's wording in each language, with its variables typed by `D`. Its key names it in deliveries
 * and maps it to the Zalo template registered with Zalo (ZNS templates are approved by Zalo, ours are not).
 */
export type NotificationTemplate<D extends TemplateData = TemplateData> = {
  readonly key: string;
  readonly category: NotificationCategory;
  vi(data: D): Rendered;
  en(data: D): Rendered;
};

/** Declares a template; the module lists it in its manifest's `templates`. */
export function defineTemplate<D extends TemplateData>(t: NotificationTemplate<D>): NotificationTemplate<D> {
  return t;
}

export function render<D extends TemplateData>(t: NotificationTemplate<D>, lang: Lang, data: D): Rendered {
  return lang === "en" ? t.en(data) : t.vi(data);
}
