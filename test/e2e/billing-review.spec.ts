import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";
import { addFixedFee, api, buildingIdOf, signIn, thisPeriod } from "./helpers.js";

// Next month on the demo building, which no other test bills: five flats read at an ordinary consumption, one
// at 99,999 kWh more than its last reading (the typo of issue 13), every other unit left without a reading.
// The accountant opens the issue confirmation, sees both the missing readings and the outlier, cannot issue
// until every flagged notice is decided, excludes the outlier and issues the rest. A retry on the same server
// finds the excluded notice still a draft, still flagged.

const BUILDING = "Chung cư Demo Riverside";

function nextPeriod(): string {
  const [y, m] = thisPeriod().split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

type Reading = { unitId: string; unitCode: string; reading: number; period: string };

/** Readings of next month for six units that have one this month or before: the last of them is the typo. */
async function readNextMonth(page: Page, buildingId: string, period: string): Promise<string> {
  const last = thisPeriod();
  const [y, m] = last.split("-").map(Number) as [number, number];
  const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  const { items } = (await api(
    page,
    "GET",
    `/api/v1/meter-readings?buildingId=${buildingId}&period=${before}&kind=electricity&pageSize=6`,
  )) as { items: Reading[] };
  expect(items.length).toBe(6);
  const readOn = `${period}-28`;
  for (const [i, r] of items.entries()) {
    await api(page, "POST", "/api/v1/meter-readings", {
      unitId: r.unitId,
      kind: "electricity",
      period,
      reading: r.reading + (i === 5 ? 99_999 : 150 + i * 10),
      previous: r.reading,
      readOn,
      confirmUnusual: true,
    });
  }
  return (items[5] as Reading).unitCode;
}

async function runMonth(page: Page, buildingId: string, period: string) {
  const run = await api(page, "POST", "/api/v1/billing-runs", { buildingId, period });
  await expect
    .poll(async () => (await api(page, "GET", `/api/v1/billing-runs/${run.id}`)).status, { timeout: 60_000 })
    .toBe("done");
}

test("an accountant issuing a month with a missing reading and an outlier sees both and must decide", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "accountant@demo.chungcu.vn");
  await expect(page).toHaveURL(/\/console/);
  const buildingId = await buildingIdOf(page, BUILDING);
  const period = nextPeriod();
  await addFixedFee(page, BUILDING);
  const outlier = await readNextMonth(page, buildingId, period);
  await runMonth(page, buildingId, period);

  await page.goto(`/console/billing/notices?period=${period}`);
  await expect(page.getByRole("heading", { name: "Tính phí & thông báo", level: 1 })).toBeVisible();
  await page.getByLabel("Tòa nhà", { exact: true }).selectOption({ label: BUILDING });
  const open = page.getByRole("button", { name: "Phát hành", exact: true });
  await expect(open).toBeEnabled();
  await open.click();

  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText(/thông báo phí nháp của/)).toBeVisible({ timeout: 20_000 });
  // Both are listed, with their counts.
  await expect(dialog.getByRole("heading", { name: /^Thiếu chỉ số công tơ \(\d+\)$/ })).toBeVisible();
  const outliers = dialog.getByRole("region", { name: /^Số liệu cao bất thường/ });
  await expect(outliers.getByRole("heading")).toHaveText("Số liệu cao bất thường (1)");
  await expect(
    outliers.getByRole("link", { name: `Mở thông báo phí của căn ${outlier} (tab mới)` }),
  ).toBeVisible();
  await expect(outliers).toContainText("Điện 99.999 kWh");

  // Nothing can be issued before every flagged notice is decided.
  const confirm = dialog.getByRole("button", { name: "Phát hành", exact: true });
  await expect(confirm).toBeDisabled();
  await expect(
    dialog.getByRole("status").filter({ hasText: "chưa chọn phát hành hay loại ra" }),
  ).toBeVisible();

  // Every section issued as it is, then the outlier excluded, with a reason.
  for (const button of await dialog.getByRole("button", { name: /^Phát hành tất cả/ }).all())
    await button.click();
  const decision = outliers.getByRole("radiogroup", { name: `Quyết định cho căn ${outlier}` });
  await decision.getByRole("radio", { name: "Loại ra" }).check();
  await outliers.getByLabel(`Lý do loại căn ${outlier} (không bắt buộc)`).fill("Kiểm tra lại công tơ");
  // The outlier is also a notice of the other sections it appears in: the same choice shows there.
  await expect(
    dialog.getByRole("radiogroup", { name: `Quyết định cho căn ${outlier}` }).first(),
  ).toBeVisible();
  await expect(dialog.getByRole("status").filter({ hasText: "chưa chọn" })).toHaveCount(0);
  await expect(dialog.getByRole("status").filter({ hasText: "sẽ được giữ lại ở dạng nháp" })).toBeVisible();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Đã phát hành" }).first()).toContainText(
    "được giữ lại ở dạng nháp",
  );

  // The outlier's notice is still a draft; the others of the month are issued.
  const notices = (await api(
    page,
    "GET",
    `/api/v1/invoices?buildingId=${buildingId}&period=${period}&q=${outlier}&pageSize=10`,
  )) as { items: { unitCode: string; kind: string; status: string }[] };
  const monthly = notices.items.find((n) => n.unitCode === outlier && n.kind === "monthly");
  expect(monthly?.status).toBe("draft");
});
