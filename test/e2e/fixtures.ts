import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

// Every e2e test imports `test` and `expect` from here: whatever pages it opened are checked when it ends
// (and a page it closes, just before it closes), for WCAG 2 A/AA with axe and for untranslated i18n keys.

/** Text that is an i18n key left raw ("landing.signIn"): a lower-case word, then dotted camelCase words. */
const RAW_KEY = /^[a-z]+(\.[a-zA-Z]+)+$/;

/** Set E2E_CHECKS=report to print the findings instead of failing (while fixing a page, never in CI). */
const reportOnly = process.env.E2E_CHECKS === "report";

/** Texts and accessible labels on the page that are raw i18n keys. */
async function rawKeys(page: Page): Promise<string[]> {
  return page.evaluate((pattern) => {
    const key = new RegExp(pattern);
    const found = new Set<string>();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what a person reads.
    for (const line of document.body.innerText.split("\n")) {
      if (key.test(line.trim())) found.add(line.trim());
    }
    for (const el of Array.from(document.querySelectorAll("[aria-label],[placeholder],[title],[alt]"))) {
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value && key.test(value)) found.add(`${name}="${value}"`);
      }
    }
    const title = document.title.trim();
    if (key.test(title)) found.add(`<title>${title}`);
    return [...found];
  }, RAW_KEY.source);
}

/** Axe (wcag2a, wcag2aa) and the raw-key scan on the page as it is now; fails the test on any finding. */
export async function checkPage(page: Page): Promise<void> {
  if (page.isClosed() || page.url() === "about:blank") return;
  await page.waitForLoadState("domcontentloaded");
  const [axe, keys] = await Promise.all([
    new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze(),
    rawKeys(page),
  ]);
  const violations = axe.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")}`,
  );
  const where = new URL(page.url()).pathname;
  if (reportOnly) {
    for (const line of [...violations, ...keys.map((k) => `raw i18n key: ${k}`)]) {
      console.log(`[checks] ${where}: ${line}`);
    }
    return;
  }
  expect(violations, `axe violations on ${where}`).toEqual([]);
  expect(keys, `raw i18n keys on ${where}`).toEqual([]);
}

export const test = base.extend<{ pageChecks: undefined }>({
  pageChecks: [
    async ({ context, browser }, use) => {
      const checked = new WeakSet<Page>();
      const pending: Promise<void>[] = [];
      // A page closed by the test is checked as it was just before it closed.
      const watch = (p: Page) => {
        const close = p.close.bind(p);
        p.close = async (options) => {
          if (!checked.has(p)) {
            checked.add(p);
            pending.push(checkPage(p));
            await pending.at(-1);
          }
          return close(options);
        };
      };
      const watchContext = (c: typeof context) => {
        for (const p of c.pages()) watch(p);
        c.on("page", watch);
        const close = c.close.bind(c);
        c.close = async (options) => {
          for (const p of c.pages()) {
            if (!checked.has(p)) {
              checked.add(p);
              await checkPage(p);
            }
          }
          return close(options);
        };
      };
      watchContext(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const c = await newContext(options);
        watchContext(c);
        return c;
      };
      // axe cannot analyse a page made by browser.newPage(): make it in a context of its own, closed with it.
      const newPage = browser.newPage.bind(browser);
      browser.newPage = async (options) => {
        const c = await browser.newContext(options);
        const p = await c.newPage();
        const close = p.close.bind(p);
        p.close = async (closeOptions) => {
          await close(closeOptions);
          await c.close();
        };
        return p;
      };
      await use(undefined);
      browser.newContext = newContext;
      browser.newPage = newPage;
      for (const c of browser.contexts()) {
        for (const p of c.pages()) {
          if (!checked.has(p)) {
            checked.add(p);
            await checkPage(p);
          }
        }
      }
      await Promise.all(pending);
    },
    { auto: true },
  ],
});

export { expect };
