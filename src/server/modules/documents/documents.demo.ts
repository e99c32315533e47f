import type { DemoSeed } from "../../platform/context.js";
import { demoCtx, demoId } from "../../platform/demo.js";
import { FONT_BOLD, FONT_REGULAR, finishPdf, newPdfDocument } from "../../platform/documents/pdf.js";
import { claimFiles, uploadFile } from "../files/index.js";
import { documents, documentVersions } from "./documents.table.js";

type DemoDocument = {
  category: "rules" | "minutes" | "form";
  audience: "residents" | "owners";
  title: string;
  description: string;
  requiresAck: boolean;
  paragraphs: string[];
};

const SEEDED: DemoDocument[] = [
  {
    category: "rules",
    audience: "residents",
    title: "Nội quy chung cư",
    description: "Nội quy sử dụng nhà chung cư áp dụng cho mọi cư dân và khách.",
    requiresAck: true,
    paragraphs: [
      "1. Giữ trật tự, không gây ồn ào trong khoảng 22:00 – 06:00.",
      "2. Không để đồ đạc, xe đạp ở hành lang và lối thoát hiểm.",
      "3. Phân loại rác và bỏ rác đúng nơi quy định trước 21:00.",
      "4. Đăng ký với Ban quản lý trước khi sửa chữa, cải tạo căn hộ.",
      "5. Khách đến thăm đăng ký tại quầy lễ tân hoặc qua ứng dụng.",
    ],
  },
  {
    category: "minutes",
    audience: "owners",
    title: "Biên bản họp Ban quản trị quý III",
    description: "Kết quả họp Ban quản trị: quỹ bảo trì, kế hoạch sơn lại mặt ngoài tòa nhà.",
    requiresAck: false,
    paragraphs: [
      "Thời gian: 15/09, 19:00. Thành phần: Ban quản trị, Ban quản lý, đại diện chủ sở hữu.",
      "Nội dung: báo cáo quỹ bảo trì; kế hoạch sơn lại mặt ngoài tòa nhà trong quý I năm sau.",
    ],
  },
  {
    category: "form",
    audience: "residents",
    title: "Mẫu đăng ký chuyển đồ",
    description: "Điền và gửi Ban quản lý ít nhất 2 ngày trước ngày chuyển đồ vào hoặc ra.",
    requiresAck: false,
    paragraphs: ["Họ tên: ...............  Căn hộ: .........", "Ngày chuyển: ........  Khung giờ: ........"],
  },
];

async function pdfOf(d: DemoDocument): Promise<Buffer> {
  const doc = newPdfDocument(d.title);
  doc.addPage({ size: "A4", margin: 56 });
  doc.font(FONT_BOLD).fontSize(18).text(d.title, { align: "center" }).moveDown();
  doc.font(FONT_REGULAR).fontSize(11).text(d.description).moveDown();
  for (const p of d.paragraphs) doc.text(p).moveDown(0.5);
  return finishPdf(doc);
}

/** The demo building's library: its rules (to acknowledge), the board's minutes for owners, a form. */
export async function seedDemoDocuments(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  const managerId = demoId(seed, "account:manager@demo.chungcu.vn");
  const manager = {
    accountId: managerId,
    platformAdmin: false,
    membershipId: null,
    role: "building_manager" as const,
    buildingIds: [buildingId],
    unitIds: [],
  };
  const files = await Promise.all(SEEDED.map(pdfOf));
  await seed.db.transaction(companyId, async (tx) => {
    const ctx = demoCtx(seed, companyId, tx, manager);
    for (const [index, d] of SEEDED.entries()) {
      const file = await uploadFile(ctx, "document", `${d.title}.pdf`, files[index] as Buffer);
      const [row] = await tx
        .insert(documents)
        .values({
          companyId,
          buildingId,
          category: d.category,
          title: d.title,
          description: d.description,
          audience: d.audience,
          requiresAck: d.requiresAck,
          createdBy: managerId,
        })
        .returning();
      if (!row) throw new Error("demo document not recorded");
      const [version] = await tx
        .insert(documentVersions)
        .values({ companyId, documentId: row.id, version: 1, fileId: file.id, publishedBy: managerId })
        .returning();
      if (!version) throw new Error("demo document version not recorded");
      await claimFiles(ctx, [file.id], "document", version.id);
    }
  });
}
