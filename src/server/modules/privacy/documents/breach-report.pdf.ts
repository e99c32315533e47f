/**
 * The report of a personal-data breach to the authority (Cục An ninh mạng và phòng, chống tội phạm sử dụng công
 * nghệ cao — A05, Bộ Công an), in Vietnamese. It carries what the notification form of Decree 356/2025/ND-CP
 * (formerly Form 03 of Decree 13/2023/ND-CP) asks for: the nature of the breach (time, place, what happened,
 * the kinds and amount of data), the contact responsible for data protection, the likely consequences, the
 * measures taken and proposed, and — when sent after 72 hours — why it is late.
 */

import type { Breach } from "../../../../contracts/privacy.js";
import { FONT_BOLD } from "../../../platform/documents/pdf.js";
import { dateTime, number, vietnameseDateLine } from "./format.js";
import { ACCENT, ALERT, GREY, MARGIN, PdfWriter, TEXT_WIDTH } from "./pdf-writer.js";

export type BreachReportInput = {
  /** The controller: the management company. */
  company: {
    name: string;
    taxCode: string | null;
    address?: string | null;
    /** The phone the authority and residents call. */
    hotline?: string | null;
    /** Where the report is signed, for the date line ("Hà Nội, ngày …"). */
    city?: string | null;
  };
  incident: Breach;
  /** The breached fields in words ("Số điện thoại", "Biển số xe"), in the order to print. */
  fieldLabels: string[];
  /** Who signs the report and answers the authority's questions. */
  reporter: { name: string; role: string; phone?: string | null; email?: string | null };
  /** Where the breach happened or was found; defaults to the company's building-management system. */
  place?: string | null;
  /** Whose data it is; defaults to the residents of the buildings the company manages. */
  subjectCategories?: string[];
  /** The likely consequences as the company assesses them; defaults to a text by severity. */
  consequences?: string | null;
  /** Measures still to come; defaults to the usual follow-up. */
  proposedMeasures?: string[];
  /** Why the report comes after the 72-hour deadline, when it does. */
  delayReason?: string | null;
  generatedAt: Date;
};

const SEVERITY: Record<Breach["severity"], string> = {
  low: "Thấp",
  medium: "Trung bình",
  high: "Cao",
  critical: "Nghiêm trọng",
};

const STATUS: Record<Breach["status"], string> = {
  open: "Đang xử lý",
  contained: "Đã ngăn chặn",
  closed: "Đã kết thúc",
};

const CONSEQUENCES: Record<Breach["severity"], string> = {
  low: "Nguy cơ thấp: dữ liệu bị ảnh hưởng hạn chế, chưa ghi nhận việc sử dụng trái phép.",
  medium:
    "Chủ thể dữ liệu có thể nhận tin nhắn, cuộc gọi làm phiền hoặc lừa đảo sử dụng thông tin bị lộ lọt.",
  high: "Chủ thể dữ liệu có nguy cơ bị lừa đảo, mạo danh hoặc bị lợi dụng thông tin để chiếm đoạt tài sản; ảnh hưởng đến an toàn và quyền riêng tư của cư dân.",
  critical:
    "Nguy cơ nghiêm trọng: dữ liệu cá nhân, có thể gồm dữ liệu nhạy cảm, có thể bị sử dụng để mạo danh, lừa đảo, chiếm đoạt tài sản hoặc xâm phạm an toàn của cư dân trên diện rộng.",
};

const DEFAULT_SUBJECTS = [
  "Cư dân (chủ hộ, người thuê, thành viên hộ gia đình) tại các tòa nhà do doanh nghiệp quản lý",
];

const DEFAULT_PROPOSED = [
  "Tiếp tục rà soát nhật ký truy cập và nhật ký hệ thống để xác định đầy đủ phạm vi sự cố.",
  "Thông báo cho chủ thể dữ liệu bị ảnh hưởng và hướng dẫn cách phòng tránh lừa đảo.",
  "Đánh giá lại quyền truy cập của nhân sự và đối tác; thay đổi mật khẩu, khóa truy cập liên quan.",
  "Phối hợp với cơ quan chức năng và cung cấp thông tin bổ sung khi được yêu cầu.",
];

const DEADLINE_HOURS = 72;

/** Whether the authority was (or can still be) told within 72 hours of detection. */
function deadlineState(incident: Breach, now: Date): { text: string; late: boolean } {
  const deadline = new Date(incident.clock.deadlineAt);
  if (incident.authorityNotifiedAt) {
    const sent = new Date(incident.authorityNotifiedAt);
    return sent.getTime() <= deadline.getTime()
      ? { text: `Đã thông báo lúc ${dateTime(sent)} — trong thời hạn 72 giờ.`, late: false }
      : { text: `Đã thông báo lúc ${dateTime(sent)} — quá thời hạn 72 giờ.`, late: true };
  }
  const hoursLeft = Math.floor((deadline.getTime() - now.getTime()) / 3_600_000);
  return hoursLeft >= 0
    ? { text: `Báo cáo này được gửi trong thời hạn (còn khoảng ${hoursLeft} giờ).`, late: false }
    : { text: "Báo cáo này được gửi sau thời hạn 72 giờ.", late: true };
}

function residentsNotice(incident: Breach): string {
  if (incident.residentsNotifiedAt) {
    return `Đã thông báo cho ${number(incident.residentsNotified)} chủ thể dữ liệu lúc ${dateTime(incident.residentsNotifiedAt)} (qua ứng dụng và thư điện tử).`;
  }
  return "Chưa thông báo. Doanh nghiệp sẽ thông báo cho từng chủ thể dữ liệu bị ảnh hưởng qua ứng dụng và thư điện tử, kèm hướng dẫn cách tự bảo vệ.";
}

/** The two-column head of a Vietnamese administrative document: the sender on the left, the national motto on the right. */
function documentHead(w: PdfWriter, input: BreachReportInput): void {
  const top = w.y;
  const half = TEXT_WIDTH / 2;
  let left = top;
  left += w.at(input.company.name.toUpperCase(), MARGIN, left, half - 10, {
    font: FONT_BOLD,
    size: 10,
    align: "center",
  });
  if (input.company.taxCode) {
    left += w.at(`MST: ${input.company.taxCode}`, MARGIN, left + 2, half - 10, { size: 9, align: "center" });
  }
  let right = top;
  right += w.at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", MARGIN + half - 10, right, half + 10, {
    font: FONT_BOLD,
    size: 10,
    align: "center",
  });
  right += w.at("Độc lập - Tự do - Hạnh phúc", MARGIN + half, right, half, {
    font: FONT_BOLD,
    size: 10.5,
    align: "center",
  });
  const mottoWidth = w.doc.widthOfString("Độc lập - Tự do - Hạnh phúc");
  const lineX = MARGIN + half + (half - mottoWidth) / 2;
  w.doc
    .moveTo(lineX, right + 2)
    .lineTo(lineX + mottoWidth, right + 2)
    .lineWidth(0.6)
    .strokeColor("#1a1a1a")
    .stroke();
  const dateLine = vietnameseDateLine(input.generatedAt);
  right += 8;
  right += w.at(
    input.company.city ? `${input.company.city}, ${dateLine}` : dateLine.replace(/^n/, "N"),
    MARGIN + half,
    right,
    half,
    { size: 9.5, color: GREY, align: "center" },
  );
  w.y = Math.max(left, right) + 22;
}

/**
 * Renders the breach report for the authority.
 * @param input the incident as recorded, with the company, the breached fields in words and who signs
 * @returns the PDF file
 */
export async function renderBreachReport(input: BreachReportInput): Promise<Buffer> {
  const { incident, company, reporter } = input;
  const w = new PdfWriter(
    `Thông báo sự cố lộ lọt dữ liệu cá nhân — ${incident.title}`,
    `Thông báo sự cố lộ lọt dữ liệu cá nhân · ${company.name}`,
    "Trang",
  );
  documentHead(w, input);

  w.text("THÔNG BÁO", { font: FONT_BOLD, size: 15, color: ACCENT, align: "center" }, { gap: 0 });
  w.text(
    "Sự cố lộ lọt dữ liệu cá nhân (vi phạm quy định về bảo vệ dữ liệu cá nhân)",
    { font: FONT_BOLD, size: 11, align: "center" },
    { gap: 12 },
  );
  w.text(
    "Kính gửi: Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05) — Bộ Công an",
    { font: FONT_BOLD, size: 10.5, align: "center" },
    { gap: 10 },
  );
  w.text(
    "Thực hiện Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP, doanh nghiệp thông báo sự cố lộ lọt dữ liệu cá nhân như sau:",
    { size: 10 },
    { gap: 6 },
  );

  const deadline = deadlineState(incident, input.generatedAt);

  w.heading("1. Bên Kiểm soát dữ liệu cá nhân");
  w.fields([
    ["Tên tổ chức", company.name],
    ["Mã số thuế", company.taxCode ?? "—"],
    ["Địa chỉ trụ sở", company.address ?? "—"],
    ["Điện thoại", company.hotline ?? "—"],
    ["Người liên hệ", `${reporter.name} — ${reporter.role}`],
  ]);

  w.heading("2. Mô tả sự cố");
  w.fields([
    ["Tên sự cố", incident.title],
    ["Thời điểm phát hiện", dateTime(incident.detectedAt)],
    ["Nơi xảy ra / phát hiện", input.place ?? `Hệ thống quản lý tòa nhà (Chungcu) của ${company.name}`],
    ["Mức độ", SEVERITY[incident.severity]],
    ["Tình trạng hiện tại", STATUS[incident.status]],
  ]);
  w.subheading("Diễn biến:");
  for (const paragraph of incident.description.split(/\n+/)) w.text(paragraph, { size: 10 });

  w.heading("3. Chủ thể dữ liệu và dữ liệu cá nhân bị ảnh hưởng");
  w.fields([
    ["Loại chủ thể dữ liệu", (input.subjectCategories ?? DEFAULT_SUBJECTS).join("; ")],
    ["Số chủ thể dữ liệu (ước tính)", `${number(incident.affectedCount)} người`],
    [
      "Số bản ghi dữ liệu (ước tính)",
      `${number(incident.affectedCount * input.fieldLabels.length)} (mỗi người ${input.fieldLabels.length} loại dữ liệu)`,
    ],
  ]);
  w.subheading("Các loại dữ liệu cá nhân liên quan:");
  w.bullets(input.fieldLabels, "Chưa xác định.");

  w.heading("4. Hậu quả, thiệt hại có thể xảy ra");
  w.text(input.consequences ?? CONSEQUENCES[incident.severity]);

  w.heading("5. Biện pháp đã thực hiện và dự kiến thực hiện");
  w.subheading("Các bước ngăn chặn, khắc phục đã thực hiện:", 4);
  w.table(
    [
      { title: "Thời gian", share: 1.1 },
      { title: "Biện pháp", share: 3.4 },
      { title: "Người thực hiện", share: 1.3 },
    ],
    incident.containment.map((c) => [dateTime(c.at), c.step, c.by ?? "—"]),
    "Chưa ghi nhận bước ngăn chặn nào.",
  );
  w.subheading("Biện pháp dự kiến:");
  w.bullets(input.proposedMeasures ?? DEFAULT_PROPOSED, "Không có.");

  w.heading("6. Thông báo cho chủ thể dữ liệu");
  w.text(residentsNotice(incident));

  w.heading("7. Thời hạn thông báo 72 giờ");
  w.fields(
    [
      ["Phát hiện lúc", dateTime(incident.detectedAt)],
      [`Hạn thông báo (${DEADLINE_HOURS} giờ)`, dateTime(incident.clock.deadlineAt)],
      ["Đánh giá", deadline.text],
    ],
    { value: deadline.late ? { color: ALERT } : {} },
  );
  if (deadline.late) {
    w.subheading("Lý do thông báo chậm:");
    w.text(input.delayReason ?? "………………………………………………………………………………………………");
  }

  w.heading("8. Đầu mối liên hệ");
  w.fields([
    ["Họ và tên", reporter.name],
    ["Chức vụ", reporter.role],
    ["Điện thoại", reporter.phone ?? "—"],
    ["Thư điện tử", reporter.email ?? "—"],
  ]);
  w.text(`Báo cáo được lập lúc ${dateTime(input.generatedAt)}.`, { size: 9, color: GREY });

  signature(w, reporter);
  return w.finish();
}

function signature(w: PdfWriter, reporter: BreachReportInput["reporter"]): void {
  w.y += 14;
  w.ensure(110);
  const x = MARGIN + TEXT_WIDTH / 2;
  const width = TEXT_WIDTH / 2;
  let y = w.y;
  y += w.at("ĐẠI DIỆN DOANH NGHIỆP", x, y, width, { font: FONT_BOLD, size: 10, align: "center" });
  y += w.at("(Ký, ghi rõ họ tên và đóng dấu)", x, y, width, { size: 9, color: GREY, align: "center" });
  y += 56;
  y += w.at(reporter.name, x, y, width, { font: FONT_BOLD, size: 10.5, align: "center" });
  w.at(reporter.role, x, y, width, { size: 9.5, color: GREY, align: "center" });
}
