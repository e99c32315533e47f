import { beforeAll, describe, expect, it, vi } from "vitest";

// i18n.ts reads the browser's stored choice when it loads and marks the page's language: a browser's two globals.
const stored = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (key: string) => stored.get(key) ?? null,
  setItem: (key: string, value: string) => stored.set(key, value),
});
vi.stubGlobal("document", { documentElement: { lang: "vi" } });

type I18nModule = typeof import("./i18n.js");
let m: I18nModule;

beforeAll(async () => {
  m = await import("./i18n.js");
  await m.languageReady;
});

/** A pause in which a switch that must not happen would have happened. */
const settled = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("switching the language", () => {
  it("keeps the choice made last when English's texts arrive after it", async () => {
    expect(m.currentLang()).toBe("vi");
    m.setLang("en"); // English's texts are fetched first: the switch waits for them
    m.setLang("vi"); // chosen again before they arrive
    await vi.waitFor(() => expect(m.i18n.hasResourceBundle("en", "translation")).toBe(true));
    await settled(50);
    expect(m.currentLang()).toBe("vi");
    expect(stored.get("chungcu.lang")).toBe("vi");
  });

  it("switches to English once its texts are there", async () => {
    m.setLang("en");
    await vi.waitFor(() => expect(m.currentLang()).toBe("en"));
    expect(m.i18n.t("common.cancel")).toBe("Cancel");
    m.setLang("vi");
    await vi.waitFor(() => expect(m.currentLang()).toBe("vi"));
    expect(m.i18n.t("common.cancel")).toBe("Hủy");
  });
});
