import { readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2026";

/** A one-time code's text, in either language ("Mã đăng nhập … là 123456", "… sign-in code is 123456"). */
const CODE_TEXT = /\b(?:Mã|code)\W\D*?\b(\d{6})\b/;

/**
 * The newest one-time code the demo "sent" to this address (the development outbox). Messages that are not a
 * code are passed over: a notice issued earlier in the test may reach the person after their code.
 */
export async function codeFor(page: Page, email: string, after = 0): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/dev/outbox.json?to=${encodeURIComponent(email)}`);
        const { items } = (await res.json()) as { items: { id: number; text: string }[] };
        code = items
          .filter((m) => m.id > after)
          .find((m) => CODE_TEXT.test(m.text))
          ?.text.match(CODE_TEXT)?.[1];
        return code;
      },
      { timeout: 10_000 },
    )
    .toBeTruthy();
  return code as string;
}

/** The id of the newest outbox message, so a later code can be told from an earlier one. */
export async function lastOutboxId(page: Page): Promise<number> {
  const res = await page.request.get("/dev/outbox.json");
  const { items } = (await res.json()) as { items: { id: number }[] };
  return items[0]?.id ?? 0;
}

/** Signs in through the screens: password, then the one-time code from the outbox. */
export async function signIn(page: Page, email: string): Promise<void> {
  const before = await lastOutboxId(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email hoặc số điện thoại").fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  // The answer, then the address: under load the password check outlasted the address's 10 s wait (a CI flake),
  // and a refusal shows here with its body rather than as a URL that never came.
  const answered = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/auth/sign-in") && r.request().method() === "POST",
    { timeout: 30_000 },
  );
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const answer = await answered;
  expect(answer.status(), await answer.text()).toBe(200);
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await page.getByLabel("Mã một lần").fill(await codeFor(page, email, before));
  await page.getByRole("button", { name: "Xác nhận" }).click();
  // Signed in once the app has left the sign-in screens: a page.goto() before that lands on the sign-in page.
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** This month (YYYY-MM) in Asia/Ho_Chi_Minh, as the server bills it. */
export function thisPeriod(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
}

/** A JSON call to the API as the person signed in on this page (their cookies, the CSRF header). */
export async function api(page: Page, method: "GET" | "POST", url: string, data?: unknown) {
  const csrf =
    (await page.context().cookies()).find((c) => c.name === "cc_csrf")?.value ??
    ((await (await page.request.get("/api/v1/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const res = await page.request.fetch(url, { method, data, headers: { "x-csrf-token": csrf } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/**
 * As the accountant signed in on `page`: a new fixed fee (named uniquely) on the demo building from this month,
 * so the next run of this month always has something to draft: new notices when the month is not billed yet,
 * adjustment notices of the issued ones when it is. Whatever earlier tests left, the run then has drafts to issue
 * and the demo resident a notice to pay.
 */
export async function addFixedFee(page: Page, building: string): Promise<string> {
  const name = `Phí e2e ${Date.now().toString(36)}`;
  const buildingId = await buildingIdOf(page, building);
  await api(page, "POST", "/api/v1/fee-rules", {
    buildingId,
    kind: "fixed",
    name,
    price: 10_000,
    vatRate: 0,
    validFrom: `${thisPeriod()}-01`,
  });
  return name;
}

/** The demo building manager, in a browser of their own, sends an announcement to the demo building. */
export async function announceToDemoBuilding(browser: Browser, title: string, body: string): Promise<void> {
  const office = await browser.newContext();
  const manager = await office.newPage();
  await signIn(manager, "manager@demo.chungcu.vn");
  await expect(manager).toHaveURL(/\/console/);
  const buildings = await api(manager, "GET", "/api/v1/buildings");
  await api(manager, "POST", `/api/v1/buildings/${buildings.items[0].id}/announcements`, { title, body });
  await office.close();
}

/** The id of the building of this name, as the person signed in on `page` sees it. */
export async function buildingIdOf(page: Page, building: string): Promise<string> {
  const { items } = await api(page, "GET", "/api/v1/buildings?pageSize=100");
  const id = (items as { id: string; name: string }[]).find((b) => b.name === building)?.id;
  expect(id, building).toBeTruthy();
  return id as string;
}

/** Runs this month's billing of the building through the API and waits for the run to finish; its period. */
export async function billThisMonth(page: Page, building: string): Promise<string> {
  const period = thisPeriod();
  const run = await api(page, "POST", "/api/v1/billing-runs", {
    buildingId: await buildingIdOf(page, building),
    period,
  });
  await expect
    .poll(async () => (await api(page, "GET", `/api/v1/billing-runs/${run.id}`)).status, { timeout: 30_000 })
    .toBe("done");
  return period;
}

/** Drops a file on an element as a person dragging it from their files would (real drag and drop events). */
export async function dropFile(page: Page, target: Locator, file: string, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      return dt;
    },
    { b64: readFileSync(file).toString("base64"), name: path.basename(file), type },
  );
  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}

type Review = {
  id: string;
  missingReadings: { invoiceId: string | null }[];
  outliers: { invoiceId: string }[];
  firstTime: { invoiceId: string }[];
  changed: { invoiceId: string }[];
};

/**
 * Issues the building's drafts of a period through the API as the console's confirmation does for a test that
 * is not about it: reviews them, then issues every flagged draft as it is.
 */
export async function issueAllReviewed(page: Page, buildingId: string, period: string) {
  const review = (await api(page, "POST", "/api/v1/billing-reviews", { buildingId, period })) as Review;
  const flagged = new Set([
    ...review.missingReadings.flatMap((m) => (m.invoiceId ? [m.invoiceId] : [])),
    ...[...review.outliers, ...review.firstTime, ...review.changed].map((n) => n.invoiceId),
  ]);
  return api(page, "POST", "/api/v1/invoices/issue", {
    buildingId,
    period,
    reviewId: review.id,
    decisions: [...flagged].map((invoiceId) => ({ invoiceId, choice: "issue" })),
  });
}
