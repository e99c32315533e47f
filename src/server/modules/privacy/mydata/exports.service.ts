import { and, eq } from "drizzle-orm";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { randomToken, sha256 } from "../../../platform/crypto/crypto.js";
import { errors } from "../../../platform/errors.js";
import { personalFields } from "../../../platform/privacy/personal-data.js";
import { companyProfile } from "../../companies/index.js";
import { renderDataExportHtml } from "../documents/export.html.js";
import { dataExports } from "./exports.table.js";
import { myData } from "./my-data.service.js";

const LINK_TTL_MS = 24 * 3600_000;

/**
 * A download link for the person's data. Only the token's hash is stored and the file is written when it
 * is fetched — no copy of the data waits on disk — and the link works for the same person for 24 hours.
 */
export async function createExport(ctx: Ctx, format: "json" | "html") {
  const accountId = ctx.actor.accountId;
  if (!accountId) throw errors.unauthenticated();
  const token = randomToken();
  const expiresAt = new Date(Date.now() + LINK_TTL_MS);
  const [row] = await ctx.tx
    .insert(dataExports)
    .values({ companyId: ctx.companyId, accountId, tokenHash: sha256(token), format, expiresAt })
    .returning({ id: dataExports.id });
  await audit(ctx, {
    action: "privacy.export",
    entity: "data_export",
    entityId: row?.id,
    changes: { format },
  });
  return { url: `/api/v1/privacy/exports/${token}`, expiresAt: expiresAt.toISOString(), format };
}

export async function downloadExport(ctx: Ctx, token: string) {
  const [row] = await ctx.tx
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.companyId, ctx.companyId), eq(dataExports.tokenHash, sha256(token))));
  if (!row || row.accountId !== ctx.actor.accountId) throw errors.notFound("resource");
  if (row.expiresAt.getTime() < Date.now()) throw errors.rule("EXPORT_EXPIRED");
  await ctx.tx
    .update(dataExports)
    .set({ downloadedAt: new Date() })
    .where(and(eq(dataExports.companyId, ctx.companyId), eq(dataExports.id, row.id)));
  await audit(ctx, { action: "privacy.export_download", entity: "data_export", entityId: row.id });
  const data = await myData(ctx);
  const generatedAt = new Date();
  const stamp = generatedAt.toISOString().slice(0, 10);
  if (row.format === "json") {
    return {
      filename: `du-lieu-cua-toi-${stamp}.json`,
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify({ generatedAt: generatedAt.toISOString(), ...data }, null, 2),
    };
  }
  const company = await companyProfile(ctx, ctx.companyId);
  return {
    filename: `du-lieu-cua-toi-${stamp}.html`,
    contentType: "text/html; charset=utf-8",
    body: renderDataExportHtml(data, {
      lang: ctx.lang,
      generatedAt,
      companyName: company?.name ?? "",
      fields: personalFields(ctx.platform),
    }),
  };
}
