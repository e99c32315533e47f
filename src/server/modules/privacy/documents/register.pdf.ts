/**
 * The impact-assessment dossier (hồ sơ đánh giá tác động xử lý dữ liệu cá nhân) the law asks a controller to
 * keep and update, generated from the processing register: who controls the data, each purpose with its legal
 * basis, fields, recipients, retention and safeguards, the processors, and the risks with their measures.
 */

import type { LegalBasis, ProcessingRegister } from "../../../../contracts/privacy.js";
import { FONT_BOLD } from "../../../platform/documents/pdf.js";
import { dateOnly, dateTime, number } from "./format.js";
import { ACCENT, GREY, MARGIN, PdfWriter, TEXT_WIDTH } from "./pdf-writer.js";

type Lang = "vi" | "en";

const TEXT = {
  vi: {
    title: "HỒ SƠ ĐÁNH GIÁ TÁC ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN",
    subtitle: "Lập theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP",
    page: "Trang",
    version: "Phiên bản",
    generated: "Ngày lập",
    controller: "1. Bên Kiểm soát và xử lý dữ liệu cá nhân",
    name: "Tên tổ chức",
    taxCode: "Mã số thuế",
    address: "Địa chỉ trụ sở",
    hotline: "Điện thoại",
    email: "Thư điện tử",
    role: "Vai trò",
    roleValue: "Bên Kiểm soát và xử lý dữ liệu cá nhân của cư dân các tòa nhà do tổ chức quản lý",
    scale: "2. Quy mô xử lý",
    residents: "Số cư dân có hồ sơ",
    accounts: "Số tài khoản người dùng",
    buildings: "Số tòa nhà",
    activities: "3. Mục đích và hoạt động xử lý",
    basis: "Cơ sở pháp lý",
    fields: "Dữ liệu cá nhân được xử lý",
    field: "Dữ liệu",
    fieldId: "Mã trường",
    kind: "Loại",
    sensitive: "Nhạy cảm",
    basic: "Cơ bản",
    noFields: "Không xử lý dữ liệu cá nhân cho mục đích này.",
    recipients: "Bên nhận dữ liệu",
    noRecipients: "Không chuyển cho bên nào ngoài Ban quản lý.",
    retention: "Thời hạn lưu trữ",
    safeguards: "Biện pháp bảo vệ",
    none: "Không có.",
    processors: "4. Bên Xử lý dữ liệu cá nhân (nhà cung cấp dịch vụ)",
    processor: "Tên",
    processorRole: "Vai trò",
    processorData: "Dữ liệu được xử lý",
    status: "Trạng thái",
    configured: "Đang sử dụng",
    notConfigured: "Chưa cấu hình",
    noProcessors: "Không sử dụng bên xử lý nào.",
    risks: "5. Rủi ro và biện pháp giảm thiểu",
    risk: "Rủi ro",
    measure: "Biện pháp",
    sensitiveCount: (n: number) =>
      n > 0
        ? `Hồ sơ có ${n} loại dữ liệu cá nhân nhạy cảm; các loại này được mã hóa riêng theo từng người và chỉ hiển thị khi cần, có ghi nhật ký.`
        : "Hồ sơ không có dữ liệu cá nhân nhạy cảm.",
    closing:
      "Hồ sơ này được cập nhật mỗi khi danh mục mục đích, dữ liệu hoặc bên xử lý thay đổi, và được xuất trình khi cơ quan chuyên trách bảo vệ dữ liệu cá nhân yêu cầu.",
    signer: "NGƯỜI LẬP HỒ SƠ",
    sign: "(Ký, ghi rõ họ tên)",
  },
  en: {
    title: "PERSONAL DATA PROCESSING IMPACT ASSESSMENT",
    subtitle: "Kept under the Personal Data Protection Law 91/2025/QH15 and Decree 356/2025/ND-CP",
    page: "Page",
    version: "Version",
    generated: "Generated",
    controller: "1. Controller",
    name: "Organisation",
    taxCode: "Tax code",
    address: "Registered office",
    hotline: "Phone",
    email: "Email",
    role: "Role",
    roleValue: "Controller and processor of the personal data of residents in the buildings it manages",
    scale: "2. Scale of processing",
    residents: "Residents on record",
    accounts: "User accounts",
    buildings: "Buildings",
    activities: "3. Purposes and processing",
    basis: "Legal basis",
    fields: "Personal data processed",
    field: "Data",
    fieldId: "Field",
    kind: "Kind",
    sensitive: "Sensitive",
    basic: "Basic",
    noFields: "No personal data is processed for this purpose.",
    recipients: "Recipients",
    noRecipients: "Not passed to anyone outside the management.",
    retention: "Retention",
    safeguards: "Safeguards",
    none: "None.",
    processors: "4. Processors (service providers)",
    processor: "Name",
    processorRole: "Role",
    processorData: "Data processed",
    status: "Status",
    configured: "In use",
    notConfigured: "Not configured",
    noProcessors: "No processors are used.",
    risks: "5. Risks and measures",
    risk: "Risk",
    measure: "Measure",
    sensitiveCount: (n: number) =>
      n > 0
        ? `The register holds ${n === 1 ? "one kind" : `${n} kinds`} of sensitive personal data; each is encrypted per person and revealed only when needed, with every reveal logged.`
        : "The register holds no sensitive personal data.",
    closing:
      "This dossier is updated whenever the purposes, the data or the processors change, and is produced whenever the personal-data protection authority asks for it.",
    signer: "PREPARED BY",
    sign: "(Signature and full name)",
  },
} as const;

const BASIS: Record<LegalBasis, Record<Lang, string>> = {
  consent: { vi: "Sự đồng ý của chủ thể dữ liệu", en: "Consent of the data subject" },
  contract: { vi: "Thực hiện hợp đồng (dịch vụ quản lý vận hành)", en: "Performance of a contract" },
  legal_obligation: { vi: "Nghĩa vụ theo quy định của pháp luật", en: "Legal obligation" },
  legitimate_interest: { vi: "Lợi ích hợp pháp của Bên Kiểm soát", en: "Legitimate interest" },
};

/** The risks every installation carries, each with the measures the product takes against it. */
const RISKS: Record<Lang, [string, string][]> = {
  vi: [
    [
      "Nhân viên truy cập dữ liệu vượt quá nhiệm vụ",
      "Phân quyền theo vai trò và tòa nhà; số điện thoại, email được che, chỉ hiện từng trường khi cần và có ghi nhật ký.",
    ],
    [
      "Lộ lọt dữ liệu lưu trữ",
      "Mã hóa AES-256-GCM các trường nhạy cảm với khóa riêng từng người; tìm kiếm qua chỉ mục băm (HMAC).",
    ],
    [
      "Chuyển dữ liệu cho bên thứ ba không kiểm soát",
      "Mỗi lần cung cấp dữ liệu được ghi vào nhật ký cung cấp (dữ liệu gì, cho ai, vì sao, cơ sở nào); đối tác chỉ nhận mức tối thiểu.",
    ],
    [
      "Lưu trữ quá thời hạn cần thiết",
      "Tác vụ định kỳ xóa nhật ký truy cập, tài khoản đã đóng và ảnh phản ánh quá hạn; yêu cầu xóa được thực hiện trong 5 ngày.",
    ],
    [
      "Chủ thể dữ liệu không thực hiện được quyền của mình",
      "Trung tâm quyền riêng tư trong ứng dụng: xem, sửa, tải về, hạn chế, phản đối, yêu cầu xóa; yêu cầu có hạn xử lý và được theo dõi.",
    ],
    [
      "Sự cố không được phát hiện và báo cáo kịp thời",
      "Sổ sự cố với đồng hồ 72 giờ hiển thị trên bảng điều khiển; báo cáo gửi cơ quan chức năng được tạo tự động.",
    ],
    [
      "Sửa đổi nhật ký để che giấu vi phạm",
      "Nhật ký kiểm toán dạng chuỗi băm theo từng tổ chức, có lệnh kiểm tra tính toàn vẹn.",
    ],
  ],
  en: [
    [
      "Staff accessing data beyond their duties",
      "Access by role and building; phones and emails masked, revealed one field at a time and logged.",
    ],
    [
      "Leak of stored data",
      "Sensitive fields encrypted with AES-256-GCM under per-person keys; lookups through HMAC blind indexes.",
    ],
    [
      "Uncontrolled transfer to third parties",
      "Every release is recorded in the disclosure log (which fields, to whom, why, on what basis); partners get the minimum.",
    ],
    [
      "Keeping data longer than needed",
      "Scheduled jobs purge old access logs, closed accounts and ticket photos; erasure requests are carried out within 5 days.",
    ],
    [
      "Data subjects unable to exercise their rights",
      "A privacy center in the app: see, correct, download, restrict, object, ask for erasure; requests have deadlines and are tracked.",
    ],
    [
      "Breaches not detected or reported in time",
      "An incident register with a 72-hour clock on the console; the report to the authority is generated.",
    ],
    [
      "Logs altered to hide a violation",
      "A hash-chained audit log per company, with a command that verifies it.",
    ],
  ],
};

/**
 * Renders the impact-assessment dossier.
 * @param register the processing register as the API returns it
 * @param lang the dossier's language (the authority gets Vietnamese)
 * @returns the PDF file
 */
export async function renderRegisterDossier(register: ProcessingRegister, lang: Lang): Promise<Buffer> {
  const t = TEXT[lang];
  const w = new PdfWriter(
    `${t.title} — ${register.controller.name}`,
    `${t.title} · ${register.controller.name} · ${t.version} ${register.version}`,
    t.page,
  );

  w.text(register.controller.name.toUpperCase(), { font: FONT_BOLD, size: 10, color: GREY, align: "center" });
  w.y += 6;
  w.text(t.title, { font: FONT_BOLD, size: 15, color: ACCENT, align: "center" }, { gap: 2 });
  w.text(t.subtitle, { size: 9.5, color: GREY, align: "center" }, { gap: 4 });
  w.text(`${t.version} ${register.version} · ${t.generated} ${dateTime(register.generatedAt)}`, {
    size: 9.5,
    align: "center",
  });
  w.y += 6;

  w.heading(t.controller);
  w.fields([
    [t.name, register.controller.name],
    [t.taxCode, register.controller.taxCode ?? "—"],
    [t.address, register.controller.address ?? "—"],
    [t.hotline, register.controller.hotline ?? "—"],
    [t.email, register.controller.email ?? "—"],
    [t.role, t.roleValue],
  ]);

  w.heading(t.scale);
  w.fields([
    [t.residents, number(register.counts.residents)],
    [t.accounts, number(register.counts.accounts)],
    [t.buildings, number(register.counts.buildings)],
  ]);

  w.heading(t.activities);
  register.entries.forEach((entry, i) => {
    w.y += 4;
    w.ensure(80);
    w.text(`3.${i + 1}. ${entry.name}`, { font: FONT_BOLD, size: 10.5 }, { gap: 4 });
    w.fields([[t.basis, BASIS[entry.basis][lang]]]);
    w.subheading(t.fields);
    w.table(
      [
        { title: t.field, share: 2.2 },
        { title: t.fieldId, share: 2 },
        { title: t.kind, share: 1 },
      ],
      entry.fields.map((f) => [f.label, f.field, f.sensitive ? t.sensitive : t.basic]),
      t.noFields,
    );
    w.subheading(t.recipients);
    w.bullets(entry.recipients, t.noRecipients, { size: 9.5 });
    w.subheading(t.retention);
    w.bullets(entry.retention, t.none, { size: 9.5 });
    w.subheading(t.safeguards);
    w.bullets(entry.safeguards, t.none, { size: 9.5 });
  });

  w.heading(t.processors);
  w.table(
    [
      { title: t.processor, share: 1.4 },
      { title: t.processorRole, share: 1.6 },
      { title: t.processorData, share: 2.4 },
      { title: t.status, share: 1 },
    ],
    register.processors.map((p) => [p.name, p.role, p.data, p.configured ? t.configured : t.notConfigured]),
    t.noProcessors,
  );

  w.heading(t.risks);
  const sensitive = new Set(
    register.entries.flatMap((e) => e.fields.filter((f) => f.sensitive).map((f) => f.field)),
  );
  w.text(t.sensitiveCount(sensitive.size), { size: 10 }, { gap: 8 });
  w.table(
    [
      { title: t.risk, share: 2 },
      { title: t.measure, share: 4 },
    ],
    RISKS[lang],
    t.none,
  );
  w.text(t.closing, { size: 10 });

  w.y += 16;
  w.ensure(90);
  const x = MARGIN + TEXT_WIDTH / 2;
  const half = TEXT_WIDTH / 2;
  let y = w.y;
  y += w.at(dateOnly(register.generatedAt), x, y, half, { size: 9.5, color: GREY, align: "center" });
  y += w.at(t.signer, x, y + 4, half, { font: FONT_BOLD, size: 10, align: "center" }) + 4;
  w.at(t.sign, x, y, half, { size: 9, color: GREY, align: "center" });
  return w.finish();
}
