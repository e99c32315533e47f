import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { Breach, ProcessingRegister } from "../../../../contracts/privacy.js";
import { type BreachReportInput, renderBreachReport } from "./breach-report.pdf.js";
import { renderRegisterDossier } from "./register.pdf.js";

/** Each page's text, items joined by spaces, non-breaking spaces made plain, runs of spaces collapsed. */
async function pages(pdf: Buffer): Promise<string[]> {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    out.push(
      items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\u00a0/g, " ")
        .replace(/\s+/g, " "),
    );
  }
  return out;
}

const incident = (over: Partial<Breach> = {}): Breach => ({
  id: "00000000-0000-4000-8000-000000000001",
  title: "Lộ danh sách cư dân tòa A qua nhóm Zalo",
  description:
    "Nhân viên lễ tân gửi nhầm tệp danh sách cư dân vào nhóm Zalo.\nTệp đã bị thu hồi sau 40 phút.",
  detectedAt: "2026-11-24T02:15:00Z",
  severity: "high",
  status: "contained",
  fields: ["resident.fullName", "resident.phone", "vehicle.plate"],
  affectedCount: 312,
  containment: [
    { at: "2026-11-24T02:55:00Z", step: "Thu hồi tin nhắn và tệp trong nhóm Zalo.", by: "Trần Văn Bình" },
    { at: "2026-11-24T04:00:00Z", step: "Khóa quyền xuất danh sách của tài khoản lễ tân.", by: null },
  ],
  authorityNotifiedAt: null,
  authorityReference: null,
  residentsNotifiedAt: "2026-11-24T09:00:00Z",
  residentsNotified: 305,
  clock: { deadlineAt: "2026-11-27T02:15:00Z", secondsLeft: 0, overdue: false },
  createdAt: "2026-11-24T02:20:00Z",
  ...over,
});

const report = (over: Partial<BreachReportInput> = {}): BreachReportInput => ({
  company: {
    name: "Công ty CP Quản lý Bất động sản Sông Hồng",
    taxCode: "0101234567",
    address: "12 Phố Huế, Hà Nội",
    city: "Hà Nội",
  },
  incident: incident(),
  fieldLabels: ["Họ và tên", "Số điện thoại", "Biển số xe"],
  reporter: { name: "Nguyễn Thị Hằng", role: "Trưởng Ban quản lý", phone: "024 3826 1234", email: null },
  generatedAt: new Date("2026-11-25T10:30:00Z"),
  ...over,
});

describe("breach report to the authority", () => {
  it("carries what the notification form asks for, in Vietnamese, times in Vietnam's zone", async () => {
    const text = (await pages(await renderBreachReport(report()))).join(" ");
    for (const expected of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 25 tháng 11 năm 2026",
      "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05)",
      "Bộ Công an",
      "Công ty CP Quản lý Bất động sản Sông Hồng",
      "0101234567",
      "12 Phố Huế, Hà Nội",
      "Lộ danh sách cư dân tòa A qua nhóm Zalo",
      "Tệp đã bị thu hồi sau 40 phút.",
      "24/11/2026 09:15",
      "Đã ngăn chặn",
      "312 người",
      "936",
      "Họ và tên",
      "Số điện thoại",
      "Biển số xe",
      "Hậu quả, thiệt hại có thể xảy ra",
      "24/11/2026 09:55",
      "Thu hồi tin nhắn và tệp trong nhóm Zalo.",
      "Trần Văn Bình",
      "24/11/2026 11:00",
      "Biện pháp dự kiến",
      "Đã thông báo cho 305 chủ thể dữ liệu lúc 24/11/2026 16:00",
      "Hạn thông báo (72 giờ)",
      "27/11/2026 09:15",
      "trong thời hạn",
      "Nguyễn Thị Hằng",
      "Trưởng Ban quản lý",
      "024 3826 1234",
      "ĐẠI DIỆN DOANH NGHIỆP",
      "Trang 1/",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Lý do thông báo chậm");
  });

  it("says when the 72 hours were missed and asks why; says when residents are still to be told", async () => {
    const late = report({
      incident: incident({
        authorityNotifiedAt: "2026-11-28T01:00:00Z",
        residentsNotifiedAt: null,
        residentsNotified: 0,
        containment: [],
      }),
      delayReason: "Chờ đơn vị cung cấp phần mềm xác nhận phạm vi.",
      generatedAt: new Date("2026-11-28T01:00:00Z"),
    });
    const text = (await pages(await renderBreachReport(late))).join(" ");
    expect(text).toContain("Đã thông báo lúc 28/11/2026 08:00 — quá thời hạn 72 giờ.");
    expect(text).toContain("Lý do thông báo chậm");
    expect(text).toContain("Chờ đơn vị cung cấp phần mềm xác nhận phạm vi.");
    expect(text).toContain("Chưa thông báo.");
    expect(text).toContain("Chưa ghi nhận bước ngăn chặn nào.");

    const overdue = report({ generatedAt: new Date("2026-11-27T03:00:00Z") });
    expect((await pages(await renderBreachReport(overdue))).join(" ")).toContain(
      "Báo cáo này được gửi sau thời hạn 72 giờ.",
    );
  });

  it("runs a long list of steps over pages, repeating the table head and numbering every page", async () => {
    const containment = Array.from({ length: 60 }, (_, i) => ({
      at: "2026-11-24T04:00:00Z",
      step: `Bước ${String(i + 1).padStart(2, "0")}: rà soát và khóa quyền truy cập của tài khoản liên quan.`,
      by: "Trần Văn Bình",
    }));
    const all = await pages(await renderBreachReport(report({ incident: incident({ containment }) })));
    expect(all.length).toBeGreaterThanOrEqual(3);
    all.forEach((page, i) => {
      expect(page).toContain(`Trang ${i + 1}/${all.length}`);
    });
    for (let i = 1; i <= 60; i++) {
      const tag = `Bước ${String(i).padStart(2, "0")}:`;
      expect(
        all.filter((p) => p.includes(tag)),
        tag,
      ).toHaveLength(1);
    }
    const withSteps = all.filter((p) => p.includes("Bước "));
    expect(withSteps.length).toBeGreaterThan(1);
    for (const page of withSteps) expect(page).toContain("Người thực hiện");
    expect(all.at(-1)).toContain("ĐẠI DIỆN DOANH NGHIỆP");
  });
});

const register: ProcessingRegister = {
  version: "2026-11",
  generatedAt: "2026-11-25T10:30:00Z",
  controller: {
    name: "Công ty CP Quản lý Bất động sản Sông Hồng",
    taxCode: "0101234567",
    address: "12 Trần Hưng Đạo, Hoàn Kiếm, Hà Nội",
    hotline: "024 3825 1234",
    email: null,
  },
  entries: [
    {
      purpose: "billing",
      name: "Thu phí dịch vụ và lập hóa đơn",
      basis: "contract",
      fields: [
        { field: "resident.fullName", label: "Họ và tên", sensitive: false },
        { field: "payment.bankAccount", label: "Tài khoản ngân hàng", sensitive: true },
      ],
      recipients: ["Đơn vị cung cấp điện, nước"],
      retention: ["10 năm cho hóa đơn đã phát hành"],
      safeguards: ["Mã hóa trường nhạy cảm"],
    },
    {
      purpose: "marketing",
      name: "Tiếp thị và khảo sát",
      basis: "consent",
      fields: [],
      recipients: [],
      retention: [],
      safeguards: [],
    },
  ],
  processors: [
    { name: "Amazon SES", role: "Gửi thư điện tử", data: "Địa chỉ thư điện tử", configured: true },
    { name: "eSMS", role: "Gửi tin nhắn SMS", data: "Số điện thoại", configured: false },
  ],
  counts: { residents: 1234, accounts: 987, buildings: 3 },
};

describe("impact-assessment dossier", () => {
  it("prints the register in Vietnamese: controller, purposes with basis and fields, processors, risks", async () => {
    const all = await pages(await renderRegisterDossier(register, "vi"));
    const text = all.join(" ");
    for (const expected of [
      "HỒ SƠ ĐÁNH GIÁ TÁC ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN",
      "Phiên bản 2026-11",
      "25/11/2026 17:30",
      "Công ty CP Quản lý Bất động sản Sông Hồng",
      "0101234567",
      "1.234",
      "987",
      "Thu phí dịch vụ và lập hóa đơn",
      "Thực hiện hợp đồng",
      "Tài khoản ngân hàng",
      "payment.bankAccount",
      "Nhạy cảm",
      "Cơ bản",
      "Đơn vị cung cấp điện, nước",
      "10 năm cho hóa đơn đã phát hành",
      "Mã hóa trường nhạy cảm",
      "Tiếp thị và khảo sát",
      "Sự đồng ý của chủ thể dữ liệu",
      "Không xử lý dữ liệu cá nhân cho mục đích này.",
      "Amazon SES",
      "Đang sử dụng",
      "Chưa cấu hình",
      "Rủi ro và biện pháp giảm thiểu",
      "Hồ sơ có 1 loại dữ liệu cá nhân nhạy cảm",
      "NGƯỜI LẬP HỒ SƠ",
    ]) {
      expect(text).toContain(expected);
    }
    all.forEach((page, i) => {
      expect(page).toContain(`Trang ${i + 1}/${all.length}`);
    });
  });

  it("prints it in English too", async () => {
    const text = (await pages(await renderRegisterDossier(register, "en"))).join(" ");
    for (const expected of [
      "PERSONAL DATA PROCESSING IMPACT ASSESSMENT",
      "Version 2026-11",
      "Performance of a contract",
      "Consent of the data subject",
      "Sensitive",
      "Not configured",
      "Risks and measures",
      "Page 1/",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Nhạy cảm");
  });
});
