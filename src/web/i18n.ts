import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Lang } from "../contracts/index.js";
import vi from "./locales/vi.json";

/**
 * English is its own chunk, fetched when first chosen: Vietnamese is the default, and keeping the other
 * language's texts out of the first load keeps it within the budget (DESIGN §7).
 */
const loadEnglish = () => import("./locales/en.json").then((m) => m.default satisfies typeof vi);
type English = Awaited<ReturnType<typeof loadEnglish>>;

// Each locale must have every key of the other: a missing translation fails the type-check.
const resources = { vi: { translation: vi satisfies English } };

/** The texts of the signed-in areas and the landing page, which their own chunks bring (see addTexts). */
type PartTexts = typeof import("./locales/areas.vi.json") &
  typeof import("./locales/console.vi.json") &
  typeof import("./locales/public.vi.json") &
  typeof import("./locales/settings.vi.json");

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof vi & PartTexts };
  }
}

type Texts = Record<string, unknown>;
const englishParts: Array<() => Promise<Texts>> = [];

const merge = (lang: Lang, texts: Texts) => i18n.addResourceBundle(lang, "translation", texts, true, true);

/**
 * Adds the texts of a part of the app that loads as its own chunk (the areas, the console, the landing page),
 * so the first load carries only what sign-in needs (DESIGN §7's budget). The Vietnamese texts come with the
 * part; the English ones are fetched with English, or at once when English is already on.
 *
 * Call it at the top of the part's chunk (`import "../locales/<part>.js"` in its entry module): the chunk is
 * evaluated before anything in it renders, so its own components never see a missing text. What renders
 * outside the chunk (a layout in the first load) may use only the first load's texts, which
 * test/unit/i18n-chunks.test.ts checks; and every translated component re-renders when texts are added
 * (`bindI18nStore` below), so a text that arrives late replaces its key instead of leaving it on screen.
 */
export function addTexts(viTexts: Texts, loadEnglish: () => Promise<Texts>): void {
  merge("vi", viTexts);
  englishParts.push(loadEnglish);
  if (!i18n.hasResourceBundle("en", "translation")) return;
  void loadEnglish()
    .then(async (texts) => {
      merge("en", texts);
      if (i18n.language === "en") await i18n.changeLanguage("en");
    })
    .catch(() => {
      // Offline: this part stays in Vietnamese until the page is reloaded online.
    });
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

/** The language asked for last: a switch whose texts arrive after a later choice does not undo that choice. */
let wanted: Lang | undefined;

/** Loads the language's texts if they are not loaded yet, then switches to it. */
async function switchTo(lang: Lang): Promise<void> {
  wanted = lang;
  if (!i18n.hasResourceBundle(lang, "translation")) {
    const [main, ...parts] = await Promise.all([loadEnglish(), ...englishParts.map((load) => load())]);
    merge(lang, main);
    for (const part of parts) merge(lang, part);
  }
  if (wanted === lang && lang !== i18n.language) await i18n.changeLanguage(lang);
}

/** Switches the UI language (once its texts are loaded) and remembers it in this browser. */
export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void switchTo(lang).catch(() => {
    // Offline before English was ever loaded: the page stays in Vietnamese.
  });
}

i18n.on("languageChanged", (lang) => {
  document.documentElement.lang = lang;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: "vi",
  fallbackLng: "vi",
  initAsync: false,
  interpolation: { escapeValue: false },
  // Texts added later (a part's chunk, English) re-render the components that use them.
  react: { bindI18nStore: "added" },
});

/** Settles once the language this browser chose is ready; the app renders after it, so English never flashes. */
export const languageReady: Promise<void> = switchTo(storedLang() ?? "vi").catch(() => {});

export { i18n };
