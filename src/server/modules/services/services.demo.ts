import type { DemoSeed } from "../../platform/context.js";
import { demoId } from "../../platform/demo.js";
import { buildingServices } from "./services.table.js";

/** The demo building's catalogue of services. */
export async function seedDemoServices(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  await seed.db.transaction(companyId, async (tx) => {
    await tx.insert(buildingServices).values(
      [
        {
          kind: "cleaning",
          name: "Vệ sinh căn hộ",
          description: "2 nhân viên trong 3 giờ, có dụng cụ và hóa chất.",
          fee: 350_000,
          needsApproval: false,
        },
        {
          kind: "repair",
          name: "Sửa chữa điện nước trong căn hộ",
          description: "Kỹ thuật viên của tòa nhà; vật tư tính riêng.",
          fee: 150_000,
          needsApproval: false,
        },
        {
          kind: "access_card",
          name: "Làm thêm thẻ thang máy",
          description: "Tối đa 2 thẻ thêm mỗi căn hộ; nhận thẻ tại quầy lễ tân.",
          fee: 100_000,
          needsApproval: true,
        },
        {
          kind: "parking_card",
          name: "Thẻ gửi xe",
          description: "Cấp thẻ cho xe đã đăng ký của hộ.",
          fee: 50_000,
          needsApproval: true,
        },
        {
          kind: "moving",
          name: "Chuyển đồ vào/ra (giữ thang máy)",
          description: "Giữ thang máy chở hàng theo khung giờ sáng 08:00–11:30 hoặc chiều 13:30–17:00.",
          fee: 0,
          needsApproval: true,
        },
        {
          kind: "extra_parking",
          name: "Chỗ đỗ ô tô thêm",
          description: "Theo tháng, tùy chỗ trống tại tầng hầm B2.",
          fee: 1_200_000,
          needsApproval: true,
        },
      ].map((s) => ({ ...s, companyId, buildingId })),
    );
  });
}
