import { and, count, desc, eq, gte, ilike, lt, lte } from "drizzle-orm";
import type { z } from "zod";
import type { AccessLogQuery } from "../../../../contracts/privacy.js";
import { accessLog } from "../../../platform/accesslog/access-log.table.js";
import { openOrigin } from "../../../platform/accesslog/writer.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { containing } from "../../../platform/db/paging.js";
import { dataKeysOf, recipientsOf } from "../../accounts/index.js";
import { findPeople } from "../../staff/index.js";

const STATUS_RANGE = { "2xx": 200, "3xx": 300, "4xx": 400, "5xx": 500 } as const;

/**
 * The company's access log for its admins, filtered and paged on the server. Reading it is itself recorded:
 * the log holds people's IP addresses and browsers, and is for security only (never marketing).
 */
export async function listAccessLogs(ctx: Ctx, q: z.infer<typeof AccessLogQuery>) {
  const low = q.status ? STATUS_RANGE[q.status] : null;
  const where = and(
    eq(accessLog.companyId, ctx.companyId),
    q.from ? gte(accessLog.at, new Date(q.from)) : undefined,
    q.to ? lte(accessLog.at, new Date(q.to)) : undefined,
    q.accountId ? eq(accessLog.accountId, q.accountId) : undefined,
    q.method ? eq(accessLog.method, q.method) : undefined,
    low ? and(gte(accessLog.status, low), lt(accessLog.status, low + 100)) : undefined,
    q.path ? ilike(accessLog.path, containing(q.path)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select()
      .from(accessLog)
      .where(where)
      .orderBy(desc(accessLog.at), desc(accessLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(accessLog).where(where),
  ]);
  const accountIds = [...new Set(rows.map((r) => r.accountId).filter((a): a is string => Boolean(a)))];
  const [people, keys] = await Promise.all([
    recipientsOf(ctx.tx, ctx.platform, accountIds),
    dataKeysOf(ctx.tx, ctx.platform, accountIds),
  ]);
  await audit(ctx, {
    action: "access_log.read",
    entity: "access_log",
    changes: { filters: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      accountId: r.accountId,
      accountName: people.find((p) => p.accountId === r.accountId)?.displayName ?? null,
      method: r.method,
      path: r.path,
      status: r.status,
      ...openOrigin(r, r.accountId ? (keys.get(r.accountId) ?? null) : null),
      lang: r.lang,
      durationMs: r.durationMs,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Whom the access log can be filtered by: the company's people (the log's rows are the company's), searched
 * through the staff module's directory, with contacts masked as every staff list shows them.
 */
export async function accessLogPeople(ctx: Ctx, q: string) {
  return { items: await findPeople(ctx, q) };
}
