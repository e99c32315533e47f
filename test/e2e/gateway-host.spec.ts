import { expect, test } from "./fixtures.js";
import { addFixedFee, billThisMonth, buildingIdOf, issueAllReviewed, signIn } from "./helpers.js";

// Issue 13, item 2: the demo is opened at another host name than PUBLIC_URL (the suite's server says
// http://127.0.0.1:<port>; the resident opens http://localhost:<port>). Paying by card, the sandbox gateway must
// send the resident back to the address they opened, where their session is: signed in, on the notice, paid.

const BUILDING = "Chung cư Demo Riverside";

test("a resident who opened the demo at localhost comes back from the card gateway signed in", async ({
  browser,
  page: accountant,
}) => {
  // The resident owes a notice whatever earlier tests paid: the accountant bills a fee of this test's own.
  await signIn(accountant, "accountant@demo.chungcu.vn");
  await expect(accountant).toHaveURL(/\/console/);
  await addFixedFee(accountant, BUILDING);
  const period = await billThisMonth(accountant, BUILDING);
  await issueAllReviewed(accountant, await buildingIdOf(accountant, BUILDING), period);

  const publicUrl = new URL(String(test.info().project.use.baseURL));
  expect(publicUrl.hostname).toBe("127.0.0.1");
  const opened = `http://localhost:${publicUrl.port}`;
  const phone = await browser.newContext({
    baseURL: opened,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    // The cookie choice made at this host name too, so that its banner does not cover the buttons.
    storageState: {
      cookies: [
        {
          name: "cc_cookie_choice",
          value: "necessary",
          domain: "localhost",
          path: "/",
          expires: -1,
          httpOnly: false,
          secure: false,
          sameSite: "Lax",
        },
      ],
      origins: [],
    },
  });
  const page = await phone.newPage();
  await signIn(page, "resident@demo.chungcu.vn");
  await expect(page).toHaveURL(new RegExp(`^${opened}/app`));

  await page.goto("/app/invoices");
  await expect(page.getByRole("heading", { name: "Hóa đơn", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Xem & thanh toán" }).first().click();
  await expect(page).toHaveURL(/\/app\/invoices\/[0-9a-f-]{36}$/);
  const notice = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Thanh toán bằng thẻ / ví" }).click();
  // The sandbox's page is served at the address the resident opened, not at PUBLIC_URL.
  await expect(page).toHaveURL(new RegExp(`^${opened}/sandbox/vnpay/paymentv2/vpcpay\\.html\\?`));
  await page.getByRole("button", { name: /^Thanh toán/ }).click();

  // Back at localhost, on the same notice, still signed in: not the sign-in page.
  await expect(page).toHaveURL(`${opened}${notice}?payment=paid`);
  await expect(page.getByRole("status").filter({ hasText: "Thanh toán thành công" })).toBeVisible();
  await expect(page.getByText("Đã thanh toán").first()).toBeVisible();
  await phone.close();
});
