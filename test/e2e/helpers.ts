import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo@2026";

/** The newest one-time code the demo "sent" to this address (the development outbox). */
export async function codeFor(page: Page, email: string, after = 0): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/dev/outbox.json?to=${encodeURIComponent(email)}`);
        const { items } = (await res.json()) as { items: { id: number; text: string }[] };
        const newest = items.find((m) => m.id > after);
        code = newest?.text.match(/\b\d{6}\b/)?.[0];
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
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/sign-in\/code/);
  await page.getByLabel("Mã một lần").fill(await codeFor(page, email, before));
  await page.getByRole("button", { name: "Xác nhận" }).click();
}
