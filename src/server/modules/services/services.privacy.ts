import { and, desc, eq } from "drizzle-orm";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { buildingServices, renovations, serviceRequests } from "./services.table.js";

/**
 * A service request or a renovation is the household's (its unit, dates, fees, kept with the fee notices); who
 * asked and the note they wrote are the person's, and so is the contractor's phone they gave (a person's number
 * as often as a firm's): shown in "my data", taken off by erasure.
 */
export const servicesPersonalData = definePersonalData({
  fields: [
    {
      key: "service_request.note",
      label: { vi: "Ghi chú khi đăng ký dịch vụ", en: "Note on a service request" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["service_request"],
      columns: ["service_requests.note"],
    },
    {
      key: "renovation.contractor_phone",
      label: { vi: "Số điện thoại nhà thầu thi công", en: "Renovation contractor's phone" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["renovation"],
      columns: ["renovations.contractor_phone"],
    },
  ],
  collect: async (ctx, owner) => {
    const requests = await ctx.tx
      .select({ r: serviceRequests, service: buildingServices.name })
      .from(serviceRequests)
      .innerJoin(
        buildingServices,
        and(
          eq(buildingServices.companyId, serviceRequests.companyId),
          eq(buildingServices.id, serviceRequests.serviceId),
        ),
      )
      .where(
        and(eq(serviceRequests.companyId, ctx.companyId), eq(serviceRequests.requestedBy, owner.accountId)),
      )
      .orderBy(desc(serviceRequests.createdAt))
      .limit(500);
    const works = await ctx.tx
      .select()
      .from(renovations)
      .where(and(eq(renovations.companyId, ctx.companyId), eq(renovations.requestedBy, owner.accountId)))
      .orderBy(desc(renovations.createdAt))
      .limit(500);
    return {
      serviceRequests: requests.map(({ r, service }) => ({
        service,
        unitCode: r.unitCode,
        preferredOn: r.preferredOn,
        status: r.status,
        note: r.note,
        fee: r.fee,
      })),
      renovations: works.map((r) => ({
        unitCode: r.unitCode,
        contractor: r.contractor,
        contractorPhone: r.contractorPhone,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        status: r.status,
        deposit: r.deposit,
      })),
    };
  },
  erase: async (ctx, person, keep) => {
    if (!person.accountId) return { erased: [], tables: [] };
    const keepNote = keep.has("service_request.note");
    const keepPhone = keep.has("renovation.contractor_phone");
    const requests = await ctx.tx
      .update(serviceRequests)
      .set(keepNote ? { requestedBy: null } : { requestedBy: null, note: null })
      .where(
        and(eq(serviceRequests.companyId, ctx.companyId), eq(serviceRequests.requestedBy, person.accountId)),
      )
      .returning({ id: serviceRequests.id });
    const works = await ctx.tx
      .update(renovations)
      .set(keepPhone ? { requestedBy: null } : { requestedBy: null, contractorPhone: null })
      .where(and(eq(renovations.companyId, ctx.companyId), eq(renovations.requestedBy, person.accountId)))
      .returning({ id: renovations.id });
    return {
      erased: [
        ...(requests.length && !keepNote ? ["service_request.note"] : []),
        ...(works.length && !keepPhone ? ["renovation.contractor_phone"] : []),
      ],
      tables: ["service_requests", "renovations"],
      counts: { serviceRequests: requests.length, renovations: works.length },
    };
  },
});
