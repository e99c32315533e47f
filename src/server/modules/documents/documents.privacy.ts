import { and, desc, eq } from "drizzle-orm";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { documentAcknowledgements, documents } from "./documents.table.js";

/**
 * That a person read and acknowledged a document (the building's rules) is theirs: shown in "my data" and
 * removed by erasure.
 */
export const documentsPersonalData = definePersonalData({
  fields: [
    {
      key: "document.acknowledgement",
      label: { vi: "Xác nhận đã đọc tài liệu", en: "Acknowledgements of documents" },
      purposes: ["building_operations"],
      retention: RETENTION.whileResident,
      records: ["document"],
      columns: ["document_acknowledgements.account_id", "document_acknowledgements.acknowledged_at"],
    },
  ],
  collect: async (ctx, owner) => {
    if (!owner.accountId) return { documentAcknowledgements: [] };
    const rows = await ctx.tx
      .select({ a: documentAcknowledgements, title: documents.title })
      .from(documentAcknowledgements)
      .innerJoin(
        documents,
        and(
          eq(documents.companyId, documentAcknowledgements.companyId),
          eq(documents.id, documentAcknowledgements.documentId),
        ),
      )
      .where(
        and(
          eq(documentAcknowledgements.companyId, ctx.companyId),
          eq(documentAcknowledgements.accountId, owner.accountId),
        ),
      )
      .orderBy(desc(documentAcknowledgements.acknowledgedAt))
      .limit(500);
    return {
      documentAcknowledgements: rows.map(({ a, title }) => ({
        document: title,
        version: a.version,
        acknowledgedAt: a.acknowledgedAt.toISOString(),
      })),
    };
  },
  erase: async (ctx, person, keep) => {
    if (!person.accountId || keep.has("document.acknowledgement")) return { erased: [], tables: [] };
    const gone = await ctx.tx
      .delete(documentAcknowledgements)
      .where(
        and(
          eq(documentAcknowledgements.companyId, ctx.companyId),
          eq(documentAcknowledgements.accountId, person.accountId),
        ),
      )
      .returning({ id: documentAcknowledgements.documentId });
    return {
      erased: gone.length ? ["document.acknowledgement"] : [],
      tables: ["document_acknowledgements"],
      counts: { documentAcknowledgements: gone.length },
    };
  },
});
