import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, test as base, expect, type Page, type TestInfo } from "@playwright/test";

// Every e2e test imports `test` and `expect` from here. Every page a test visits is checked for WCAG 2 A/AA
// with axe and for untranslated i18n keys, and the findings fail the test when it ends, each with its page:
// - a page the test closes, as it is just before it closes, and every page still open when the test ends;
// - every other page the test navigated to (a full load or a client-side route change, noted as it happens),
//   opened again when the test ends in the browser context that visited it, once it has settled.
// Nothing runs in a page while the test acts on it (axe blocks the page for seconds on a busy machine, which made
// a test's own waits time out), a page still navigating is checked where it lands, and the checks' time is added
// to the test's timeout. The browser contexts a test opened and left open are closed once they are checked.

/** Text that is an i18n key left raw ("landing.signIn"): a lower-case word, then dotted camelCase words. */
const RAW_KEY = /^[a-z]+(\.[a-zA-Z]+)+$/;

/** Set E2E_CHECKS=report to print the findings instead of failing (while fixing a page, never in CI). */
const reportOnly = process.env.E2E_CHECKS === "report";

/** How long the page must go without a DOM change or a running transition to count as settled. */
const QUIET_MS = 250;
/** How long a reopened page may take to settle before it is checked as it is. */
const SETTLE_LIMIT_MS = 8_000;
/** Attempts at checking a page that is still navigating. */
const ATTEMPTS = 3;

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

/** Axe (wcag2a, wcag2aa) and the raw-key scan on the page as it is now, one line per finding. */
async function findingsOf(page: Page): Promise<string[]> {
  const [axe, keys] = await Promise.all([
    new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze(),
    rawKeys(page),
  ]);
  return [
    ...axe.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")}`,
    ),
    ...keys.map((k) => `raw i18n key: ${k}`),
  ];
}

/** The page a check is filed under: its path (a query, such as a filter or a period, is a state of that page). */
const addressOf = (url: string) => new URL(url).pathname;
const checkable = (url: string) => /^https?:/.test(url);

/**
 * Waits in the page until nothing changed in the DOM and no finite animation or transition ran for QUIET_MS
 * (a spinning loader, which never ends, does not count); false when that did not happen within the limit.
 */
async function settled(page: Page): Promise<boolean> {
  return page.evaluate(
    ([quietMs, limitMs]) =>
      new Promise<boolean>((resolve) => {
        const started = performance.now();
        let last = started;
        const observer = new MutationObserver(() => {
          last = performance.now();
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const tick = () => {
          const moving = document
            .getAnimations()
            .some((a) => a.playState === "running" && a.effect?.getComputedTiming().iterations !== Infinity);
          const now = performance.now();
          if (moving || document.readyState !== "complete") last = now;
          if (now - last >= quietMs || now - started >= limitMs) {
            observer.disconnect();
            resolve(now - last >= quietMs);
          } else setTimeout(tick, 50);
        };
        tick();
      }),
    [QUIET_MS, SETTLE_LIMIT_MS] as const,
  );
}

/** What one test's checks found, by address, and which addresses were checked. */
class Findings {
  /** @param testInfo the test whose time the checks add to (they never eat into the test's own budget) */
  constructor(private readonly testInfo: TestInfo) {}

  /** Adds the time the checks took to the test's timeout. */
  spent(ms: number) {
    this.testInfo.setTimeout(this.testInfo.timeout + ms);
  }

  readonly checked = new Set<string>();
  /** Each page visited: the context and the last full URL it was visited at. */
  readonly visited = new Map<string, { context: BrowserContext; url: string }>();
  readonly found = new Map<string, Set<string>>();

  add(address: string, lines: string[]) {
    this.checked.add(address);
    const set = this.found.get(address) ?? new Set<string>();
    for (const line of lines) set.add(line);
    if (set.size) this.found.set(address, set);
  }

  lines(): string[] {
    return [...this.found].flatMap(([address, lines]) => [...lines].map((line) => `${address}: ${line}`));
  }
}

/** The check of a page as it is now (closing, or open when the test ends): its findings always count. */
async function checkNow(page: Page, findings: Findings): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (page.isClosed() || !checkable(page.url())) return;
    const url = page.url();
    try {
      await page.waitForLoadState("domcontentloaded");
      findings.add(addressOf(url), await findingsOf(page));
      return;
    } catch (err) {
      // Still navigating (a redirect the test did not wait for): check where it lands instead.
      if (page.isClosed()) return;
      if (page.url() === url) throw err;
    }
  }
}

/**
 * Opens a page the test visited again, in the context that visited it, and checks it where it leads (signed out
 * by then, that is the sign-in page). An address that is not a page on a GET (a form's answer, a download) is
 * left out.
 */
async function revisit(context: BrowserContext, url: string, findings: Findings) {
  const address = addressOf(url);
  const started = Date.now();
  const page = await context.newPage();
  let landedAt = "";
  try {
    const response = await page.goto(url).catch(() => null);
    if (!response?.ok() || !response.headers()["content-type"]?.startsWith("text/html")) return;
    landedAt = page.url();
    const landed = addressOf(landedAt);
    if (!checkable(landedAt) || (landed !== address && findings.checked.has(landed))) return;
    await settled(page);
    findings.add(landed, await findingsOf(page));
  } catch (err) {
    // The page went on by itself (a redirect once loaded): that check is void. Anything else is a failure.
    if (page.isClosed() || page.url() === landedAt) throw err;
  } finally {
    findings.checked.add(address);
    if (!page.isClosed()) await page.close();
    findings.spent(Date.now() - started);
  }
}

export const test = base.extend<{ pageChecks: undefined }>({
  pageChecks: [
    async ({ context, browser }, use, testInfo) => {
      const findings = new Findings(testInfo);
      const closedChecked = new WeakSet<Page>();
      /** Pages this fixture opens to revisit addresses (at the end) are not watched. */
      let revisiting = false;
      const watched = new WeakSet<Page>();
      /** The contexts open now, each with its own close (the checks run in the wrapped one). */
      const contexts = new Map<BrowserContext, () => Promise<void>>();

      const watch = (p: Page) => {
        if (revisiting) return;
        watched.add(p);
        p.on("framenavigated", (frame) => {
          const url = frame.url();
          if (frame === p.mainFrame() && checkable(url))
            findings.visited.set(addressOf(url), { context: p.context(), url });
        });
        // A page closed by the test is checked as it was just before it closed.
        const close = p.close.bind(p);
        p.close = async (options) => {
          if (!closedChecked.has(p)) {
            closedChecked.add(p);
            const started = Date.now();
            await checkNow(p, findings);
            findings.spent(Date.now() - started);
          }
          return close(options);
        };
      };
      /** Reopens and checks the pages visited in `c` that no check has seen yet. */
      const revisitAll = async (c: BrowserContext) => {
        revisiting = true;
        try {
          for (const [address, visit] of findings.visited) {
            if (visit.context === c && !findings.checked.has(address)) await revisit(c, visit.url, findings);
          }
        } finally {
          revisiting = false;
        }
      };
      const watchContext = (c: BrowserContext) => {
        const close = c.close.bind(c);
        contexts.set(c, close);
        for (const p of c.pages()) watch(p);
        c.on("page", watch);
        c.close = async (options) => {
          for (const p of c.pages()) {
            if (!closedChecked.has(p) && watched.has(p)) {
              closedChecked.add(p);
              const started = Date.now();
              await checkNow(p, findings);
              findings.spent(Date.now() - started);
            }
          }
          await revisitAll(c);
          contexts.delete(c);
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
      try {
        const ending = Date.now();
        for (const c of contexts.keys()) {
          for (const p of c.pages()) {
            if (!closedChecked.has(p) && watched.has(p)) {
              closedChecked.add(p);
              await checkNow(p, findings);
            }
          }
        }
        findings.spent(Date.now() - ending);
        for (const c of contexts.keys()) await revisitAll(c);
      } finally {
        // What the test left open closes now: the worker's browser outlives the test, and a resident's open
        // pages held their live streams (the server's cap per person refused the next tests' streams).
        for (const [c, close] of contexts) if (c !== context) await close().catch(() => {});
      }
      const lines = findings.lines();
      if (reportOnly) {
        for (const line of lines) console.log(`[checks] ${line}`);
        return;
      }
      expect(lines, "axe violations and raw i18n keys on the pages this test visited").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
