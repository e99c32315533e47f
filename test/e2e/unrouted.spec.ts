import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// The demo server's bank-feed key is generated into its data directory (playwright.config.ts: .tmp/e2e-data).
const feedKey = () => readFileSync(".tmp/e2e-data/bank-feed.key", "utf8").trim();

test("a transfer to an account no company holds waits for the platform admin, who gives it to a company", async ({
  page,
}) => {
  const id = 880_000 + Math.floor(Math.random() * 100_000);
  const reply = await page.request.post("/api/v1/bank-feed/sepay", {
    headers: { authorization: `Apikey ${feedKey()}`, "content-type": "application/json" },
    data: {
      id,
      gateway: "Vietcombank",
      transactionDate: "2026-12-02 09:15:00",
      accountNumber: "9990001112",
      content: "NGUYEN VAN B CHUYEN NHAM TAI KHOAN",
      transferType: "in",
      transferAmount: 123456,
      referenceCode: `FT${id}`,
    },
  });
  expect(reply.status()).toBe(200);
  expect(await reply.json()).toEqual({ success: true });

  await signIn(page, "platform@demo.chungcu.vn");
  await page.getByRole("link", { name: "Chuyển khoản chưa định tuyến" }).click();
  await expect(page.getByRole("heading", { name: "Chuyển khoản chưa định tuyến" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "CHUYEN NHAM" });
  await expect(row).toContainText("9990001112");
  await expect(row).toContainText(/123\.456\s₫/);
  await row.getByRole("button", { name: /Giao chuyển khoản/ }).click();
  const dialog = page.getByRole("dialog", { name: "Giao chuyển khoản cho công ty" });
  await dialog.getByLabel("Công ty").selectOption({ label: "Demo" });
  await dialog.getByRole("button", { name: "Giao cho công ty" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row").filter({ hasText: "CHUYEN NHAM" })).toHaveCount(0);
});
