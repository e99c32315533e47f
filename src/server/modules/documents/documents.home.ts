import { DocumentsCard } from "../../../contracts/home.js";
import { defineHomeCard } from "../../platform/module.js";
import { listDocuments } from "./documents.service.js";

/** Documents of the unit's building the person has still to read and acknowledge (the building's rules). */
export const documentsCard = defineHomeCard({
  key: "documents.toAcknowledge",
  order: 12,
  data: DocumentsCard,
  summary: async (ctx, unit) => {
    const pending = await listDocuments(ctx, {
      unitId: unit.id,
      toAcknowledge: true,
      archived: false,
      page: 1,
      pageSize: 1,
    });
    const first = pending.items[0];
    return first ? { toAcknowledge: pending.total, firstId: first.id } : null;
  },
});
