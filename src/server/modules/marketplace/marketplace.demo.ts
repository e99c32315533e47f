import { systemActor } from "../../platform/authz/actor.js";
import type { DemoSeed } from "../../platform/context.js";
import { DEMO_HOME_UNIT, demoCtx, demoId } from "../../platform/demo.js";
import { todayInVietnam } from "../../platform/time.js";
import { advanceJob } from "./jobs.service.js";
import { catalogItems } from "./marketplace.table.js";
import { placeOrder } from "./orders.service.js";

/**
 * The demo marketplace: the water shipper's and the cleaning firm's catalogues (approved, and one item waiting
 * for approval), and two orders of the demo resident for tomorrow, one confirmed, that the demo partner login
 * sees as its jobs.
 */
export async function seedDemoMarketplace(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  const water = demoId(seed, "partner:water");
  const cleaning = demoId(seed, "partner:cleaning");
  const unitId = demoId(seed, `unit:${DEMO_HOME_UNIT}`);
  await seed.db.transaction(companyId, async (tx) => {
    const item = (
      partnerId: string,
      status: string,
      v: Omit<typeof catalogItems.$inferInsert, "companyId" | "partnerId" | "buildingIds" | "status">,
    ) => ({ ...v, companyId, partnerId, status, buildingIds: [buildingId] });
    const [bottle, , , cleaningHours] = await tx
      .insert(catalogItems)
      .values([
        item(water, "approved", {
          kind: "goods",
          category: "water",
          nameVi: "Nước tinh khiết bình 19 lít",
          nameEn: "Purified water, 19-litre bottle",
          descriptionVi: "Giao tận căn hộ, thu vỏ bình cũ. Đặt cọc vỏ lần đầu tính riêng.",
          descriptionEn: "Delivered to your flat; the empty bottle is taken back.",
          price: 65_000,
          vatRate: 8,
          stock: 200,
        }),
        item(water, "approved", {
          kind: "goods",
          category: "water",
          nameVi: "Thùng 24 chai nước 500 ml",
          nameEn: "Case of 24 bottles, 500 ml",
          price: 110_000,
          vatRate: 8,
          stock: 50,
        }),
        item(water, "approved", {
          kind: "goods",
          category: "gas",
          nameVi: "Gas bình 12 kg (đổi bình)",
          nameEn: "Cooking gas, 12 kg (exchange)",
          descriptionVi: "Kỹ thuật viên lắp đặt và kiểm tra rò rỉ tại chỗ.",
          descriptionEn: "Fitted and leak-checked on the spot.",
          price: 480_000,
          vatRate: 10,
          stock: 30,
        }),
        item(cleaning, "approved", {
          kind: "service",
          category: "cleaning",
          nameVi: "Dọn dẹp căn hộ theo giờ (2 giờ)",
          nameEn: "Home cleaning by the hour (2 hours)",
          descriptionVi: "1 nhân viên, có dụng cụ; thêm giờ tính theo giá niêm yết.",
          descriptionEn: "One cleaner with equipment.",
          price: 240_000,
          vatRate: 8,
          stock: null,
        }),
        item(cleaning, "approved", {
          kind: "service",
          category: "aircon",
          nameVi: "Vệ sinh máy lạnh treo tường",
          nameEn: "Wall air-conditioner cleaning",
          price: 200_000,
          vatRate: 8,
          stock: null,
        }),
        item(cleaning, "pending", {
          kind: "service",
          category: "laundry",
          nameVi: "Giặt rèm cửa (theo mét)",
          nameEn: "Curtain washing (per metre)",
          price: 45_000,
          vatRate: 8,
          stock: null,
        }),
      ])
      .returning({ id: catalogItems.id });
    if (!bottle || !cleaningHours) throw new Error("demo catalogue not inserted");
    const asResident = demoCtx(seed, companyId, tx, {
      ...systemActor,
      role: "resident",
      accountId: demoId(seed, "account:resident@demo.chungcu.vn"),
      unitIds: [unitId],
    });
    const tomorrow = new Date(`${todayInVietnam()}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const day = tomorrow.toISOString().slice(0, 10);
    const first = await placeOrder(asResident, {
      unitId,
      lines: [{ itemId: bottle.id, quantity: 2 }],
      slotDate: day,
      slot: "08-10",
      delivery: "door",
      note: "Gọi trước khi lên, để bình ở cửa nếu vắng nhà.",
      payment: "cash",
    });
    await placeOrder(asResident, {
      unitId,
      lines: [{ itemId: cleaningHours.id, quantity: 1 }],
      slotDate: day,
      slot: "14-16",
      delivery: "door",
      note: "",
      payment: "transfer",
    });
    const asPartner = demoCtx(seed, companyId, tx, {
      ...systemActor,
      role: "partner",
      accountId: demoId(seed, "account:partner@demo.chungcu.vn"),
    });
    await advanceJob(asPartner, first.id, { status: "confirmed" });
  });
}
