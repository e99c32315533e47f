import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../contracts/index.js";
import en from "./locales/en.json";
import vi from "./locales/vi.json";

// Each locale must have every key of the other: a missing translation fails the type-check.
const resources = {
  vi: { translation: vi satisfies typeof en },
  en: { translation: en satisfies typeof vi },
};

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof vi };
  }
}

export const LANGS = ["vi", "en"] as const satisfies readonly Lang[];
const STORAGE_KEY = "chungcu.lang";

export function isLang(value: unknown): value is Lang {
  return LANGS.some((lang) => lang === value);
}

/** The language this browser chose explicitly, if it ever did. */
export function storedLang(): Lang | null {
  const value = localStorage.getItem(STORAGE_KEY);
  return isLang(value) ? value : null;
}

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : "vi";
}

/** Switches the UI language and remembers it in this browser. */
export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  if (lang !== i18n.language) void i18n.changeLanguage(lang);
}

i18n.on("languageChanged", (lang) => {
  document.documentElement.lang = lang;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLang() ?? "vi",
  fallbackLng: "vi",
  initAsync: false,
  interpolation: { escapeValue: false },
});

export { i18n };
