import { expect, test } from "./fixtures.js";
import { signIn } from "./helpers.js";

// The documents library: the building manager, at the desk, publishes new pool rules as a PDF and asks residents
// to acknowledge them; the demo resident, on a phone, finds them on the home, opens them, acknowledges them;
// the manager then sees the resident among those who did.

const shots = process.env.E2E_SHOTS;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const DESK = { viewport: { width: 1440, height: 900 } };

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("a manager publishes rules to acknowledge; the resident reads and acknowledges them on the phone", async ({
  browser,
}) => {
  const title = `Nội quy bể bơi ${Date.now() % 100000}`;
  const desk = await (await browser.newContext(DESK)).newPage();
  await signIn(desk, "manager@demo.chungcu.vn");
  await desk.getByRole("link", { name: "Tài liệu", exact: true }).click();
  await expect(desk.getByRole("heading", { name: "Tài liệu", level: 1 })).toBeVisible();
  await expect(desk.getByRole("table")).toContainText("Nội quy chung cư");
  await desk.getByRole("button", { name: "Đăng tài liệu" }).first().click();
  const dialog = desk.getByRole("dialog", { name: "Đăng tài liệu" });
  await dialog.getByLabel("Tên tài liệu").fill(title);
  await dialog.getByLabel("Mô tả").fill("Giờ mở cửa và quy định an toàn khi bơi.");
  await dialog.getByLabel("Yêu cầu cư dân xác nhận đã đọc").check();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: "noi-quy-be-boi.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  await expect(dialog.getByText("noi-quy-be-boi.pdf")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Bỏ tệp noi-quy-be-boi.pdf" })).toBeVisible();
  if (shots) await desk.screenshot({ path: `${shots}/documents-publish.png` });
  await dialog.getByRole("button", { name: "Đăng tài liệu" }).click();
  await expect(dialog).toHaveCount(0);
  const row = desk.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Mọi cư dân");
  await expect(row).toContainText("0/");

  const resident = await (await browser.newContext(PHONE)).newPage();
  await signIn(resident, "resident@demo.chungcu.vn");
  await expect(resident.getByText(/tài liệu cần đọc và xác nhận/)).toBeVisible();
  await resident.getByRole("link", { name: "Đọc và xác nhận" }).click();
  await resident.getByRole("link", { name: new RegExp(title) }).click();
  await expect(resident.getByRole("heading", { name: title })).toBeVisible();
  await expect(resident.getByRole("link", { name: /Mở tài liệu \(noi-quy-be-boi\.pdf\)/ })).toHaveAttribute(
    "href",
    /\/api\/v1\/documents\/.+\/files\/.+$/,
  );
  if (shots) await resident.screenshot({ path: `${shots}/document-resident.png`, fullPage: true });
  await resident.getByRole("button", { name: "Tôi đã đọc và đồng ý" }).click();
  await expect(resident.getByText(/Bạn đã xác nhận đã đọc lúc/)).toBeVisible();
  await resident.getByRole("link", { name: "← Tài liệu tòa nhà" }).click();
  await expect(
    resident.getByRole("listitem").filter({ hasText: title }).getByText("Đã xác nhận"),
  ).toBeVisible();

  await desk.reload();
  await desk
    .getByRole("row")
    .filter({ hasText: title })
    .getByRole("button", { name: `Xem ${title}` })
    .click();
  const drawer = desk.getByRole("dialog", { name: title });
  await expect(drawer).toContainText("Phiên bản 1: noi-quy-be-boi.pdf");
  await expect(drawer).toContainText("Nguyễn Văn An (A-12.05)");
  await expect(drawer).toContainText(/Đã xác nhận: 1\/\d+ người/);
  if (shots) await desk.screenshot({ path: `${shots}/documents-drawer.png` });
});
