import type { DemoSeed } from "../../platform/context.js";
import { demoId } from "../../platform/demo.js";
import { partnerStaff, partners } from "./partners.table.js";

/**
 * The demo company's partners: a drinking-water shipper and a cleaning firm, serving the demo building; the demo
 * partner login is the water shipper's.
 */
export async function seedDemoPartners(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  await seed.db.transaction(companyId, async (tx) => {
    const [water, cleaning] = await tx
      .insert(partners)
      .values([
        {
          companyId,
          legalName: "Công ty TNHH Nước uống Suối Mát",
          displayName: "Nước Suối Mát",
          taxCode: "0316789012",
          hotline: "1900 6868",
          orgEmail: "cskh@suoimat.example.vn",
          categories: ["water", "gas"],
          buildingIds: [buildingId],
          commissionKind: "percent",
          commissionValue: 800,
          bankBin: "970436",
          accountNumber: "0071001234567",
          accountName: "CONG TY TNHH NUOC UONG SUOI MAT",
        },
        {
          companyId,
          legalName: "Công ty CP Dịch vụ Vệ sinh Nhà Xinh",
          displayName: "Nhà Xinh Cleaning",
          taxCode: "0317654321",
          hotline: "028 3822 1234",
          orgEmail: null,
          categories: ["cleaning", "laundry", "aircon"],
          buildingIds: [buildingId],
          commissionKind: "fixed",
          commissionValue: 20_000,
          bankBin: "970407",
          accountNumber: "19036677889900",
          accountName: "CONG TY CP DICH VU VE SINH NHA XINH",
        },
      ])
      .returning({ id: partners.id });
    if (!water || !cleaning) throw new Error("demo partners not inserted");
    seed.ids.set("partner:water", water.id);
    seed.ids.set("partner:cleaning", cleaning.id);
    // The demo partner login works for the water shipper.
    await tx
      .insert(partnerStaff)
      .values({ companyId, partnerId: water.id, accountId: demoId(seed, "account:partner@demo.chungcu.vn") });
  });
}
