import { systemActor } from "../../platform/authz/actor.js";
import type { DemoSeed } from "../../platform/context.js";
import { demoCtx, demoId } from "../../platform/demo.js";
import { residentIdsNamed } from "../registry/index.js";
import * as breaches from "./breaches/breaches.service.js";
import { releaseToAgency } from "./disclosures/disclosures.service.js";
import { completeRequest, createRequest, takeRequest } from "./requests/requests.service.js";

const HOUR = 3600_000;

/**
 * The privacy center's console pages with something in them: the demo resident's answered access request,
 * a state agency's request for one resident's registration, and a contained incident of two days ago whose
 * notices were both sent in time (so no clock is running when the demo opens).
 */
export async function seedDemoPrivacy(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  await seed.db.transaction(companyId, async (tx) => {
    const ctx = demoCtx(seed, companyId, tx, {
      ...systemActor,
      role: "company_admin",
      accountId: demoId(seed, "account:admin@demo.chungcu.vn"),
    });
    const asResident = demoCtx(seed, companyId, tx, {
      ...systemActor,
      role: "resident",
      accountId: demoId(seed, "account:resident@demo.chungcu.vn"),
    });
    const asked = await createRequest(asResident, {
      kind: "access",
      details: "Tôi muốn biết Ban quản lý đang lưu những thông tin gì về gia đình tôi.",
    });
    if ("request" in asked) {
      await takeRequest(ctx, asked.request.id);
      await completeRequest(
        ctx,
        asked.request.id,
        "Đã hướng dẫn cư dân xem mục Dữ liệu của tôi và tải bản sao JSON.",
      );
    }

    const [neighbour] = await residentIdsNamed(ctx, "Lê Hoàng Nam");
    if (!neighbour) return;
    await releaseToAgency(ctx, {
      agency: "Công an phường Tân Hưng",
      reference: "45/CV-CAP ngày 10/11/2026",
      legalBasis: "Đăng ký tạm trú theo Luật Cư trú 2020",
      residentIds: [neighbour],
      fields: ["resident.fullName", "household.membership"],
    });

    const detectedAt = new Date(Date.now() - 48 * HOUR);
    const incident = await breaches.openBreach(ctx, {
      title: "Thất lạc sổ ghi xe tầng hầm B1",
      description:
        "Sổ ghi biển số xe ra vào tầng hầm B1 ngày 23/11 bị thất lạc tại quầy bảo vệ; tìm lại được sau 3 giờ, không rõ có ai chụp lại.",
      detectedAt: detectedAt.toISOString(),
      severity: "low",
      fields: ["resident.fullName", "vehicle.plate"],
      scope: { buildingIds: [], unitIds: [], residentIds: [neighbour] },
    });
    await breaches.addContainmentStep(
      ctx,
      incident.id,
      "Thu hồi sổ, chuyển sang ghi bằng ứng dụng; nhắc nhở đội bảo vệ.",
    );
    await breaches.markAuthorityNotified(ctx, incident.id, {
      sentAt: new Date(detectedAt.getTime() + 20 * HOUR).toISOString(),
      reference: "Cổng tiếp nhận A05 — mã hồ sơ DEMO-0001",
    });
    await breaches.notifyAffected(ctx, incident.id);
    await breaches.updateBreach(ctx, incident.id, { status: "contained" });
  });
}
