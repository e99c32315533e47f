import type { DemoSeed } from "../../platform/context.js";
import { demoId } from "../../platform/demo.js";
import { amenities } from "./amenities.table.js";

/** The demo building's amenities: a BBQ area and a hall that are one household's at a time, a pool and a gym. */
export async function seedDemoAmenities(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  await seed.db.transaction(companyId, async (tx) => {
    await tx.insert(amenities).values(
      [
        {
          name: "Khu BBQ sân thượng",
          kind: "bbq",
          rules:
            "Dọn sạch bếp và khu vực sau khi dùng. Không gây ồn sau 22:00. Tối đa 20 người. Tiền cọc được hoàn sau khi ban quản lý kiểm tra.",
          opensAt: "09:00",
          closesAt: "21:00",
          slotMinutes: 180,
          fee: 200_000,
          deposit: 500_000,
          monthlyLimit: 2,
          bookers: "owners_tenants",
          cancelHours: 24,
        },
        {
          name: "Phòng sinh hoạt cộng đồng",
          kind: "hall",
          rules: "Dành cho sinh nhật, họp mặt. Trả phòng đúng giờ, bàn ghế xếp lại như cũ.",
          opensAt: "08:00",
          closesAt: "22:00",
          slotMinutes: 240,
          fee: 500_000,
          deposit: 1_000_000,
          monthlyLimit: 1,
          bookers: "owners",
          advanceDays: 30,
          cancelHours: 48,
        },
        {
          name: "Bể bơi",
          kind: "pool",
          rules: "Tắm tráng trước khi xuống bể. Trẻ em dưới 12 tuổi đi cùng người lớn.",
          opensAt: "06:00",
          closesAt: "21:00",
          slotMinutes: 60,
          slotCapacity: 20,
          advanceDays: 7,
          cancelHours: 2,
        },
        {
          name: "Phòng gym",
          kind: "gym",
          rules: "Mang khăn và giày thể thao. Lau máy sau khi tập.",
          opensAt: "05:00",
          closesAt: "22:00",
          slotMinutes: 60,
          slotCapacity: 15,
          advanceDays: 3,
          cancelHours: 1,
        },
      ].map((a) => ({ ...a, companyId, buildingId })),
    );
  });
}
