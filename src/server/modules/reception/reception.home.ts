import { and, count, eq } from "drizzle-orm";
import { ParcelsCard } from "../../../contracts/home.js";
import { defineHomeCard } from "../../platform/module.js";
import { parcels } from "./reception.table.js";

/** Parcels waiting at reception for the unit looked at. */
export const parcelsCard = defineHomeCard({
  key: "reception.parcels",
  order: 15,
  data: ParcelsCard,
  summary: async (ctx, unit) => {
    const [row] = await ctx.tx
      .select({ n: count() })
      .from(parcels)
      .where(
        and(eq(parcels.companyId, ctx.companyId), eq(parcels.unitId, unit.id), eq(parcels.status, "waiting")),
      );
    return row && row.n > 0 ? { waiting: row.n } : null;
  },
});
