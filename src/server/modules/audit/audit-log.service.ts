import { and, count, desc, eq, gte, isNotNull, lt } from "drizzle-orm";
import type { z } from "zod";
import type {
  AuditEntry,
  AuditFilters,
  AuditPage,
  AuditQuery,
  AuditVerification,
} from "../../../contracts/settings.js";
import { maskPersonal, verifyCompanyChain } from "../../platform/audit/audit.service.js";
import { auditLog } from "../../platform/audit/audit.table.js";
import type { Ctx } from "../../platform/context.js";
import { personalFields } from "../../platform/privacy/personal-data.js";
import { recipientsOf } from "../accounts/index.js";
import "./audit-log.policy.js";

const DAY_MS = 24 * 3600_000;
/** The first instant of a day in Vietnam (UTC+7 all year: no daylight saving). */
const vnDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * `{ field: [before, after] }` as the log stores it, one row per field. A value that is not a pair (a count,
 * a digest, the filters of a read) is shown as it is.
 */
function changeRows(changes: Record<string, unknown>): AuditEntry["changes"] {
  return Object.entries(changes).map(([field, v]) =>
    Array.isArray(v) && v.length === 2 ? { field, before: v[0], after: v[1] } : { field, value: v },
  );
}

/**
 * The company's audit log, newest first, filtered on the server. Entries are masked again as they are read
 * (they were when written): a field the personal-data registry learned to list since is hidden too.
 */
export async function listAuditEntries(ctx: Ctx, q: AuditQuery): Promise<z.infer<typeof AuditPage>> {
  const where = and(
    eq(auditLog.companyId, ctx.companyId),
    q.actorId ? eq(auditLog.actorAccountId, q.actorId) : undefined,
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.from ? gte(auditLog.at, vnDayStart(q.from)) : undefined,
    q.to ? lt(auditLog.at, new Date(vnDayStart(q.to).getTime() + DAY_MS)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.tx
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.tx.select({ n: count() }).from(auditLog).where(where),
  ]);
  const ids = [...new Set(rows.map((r) => r.actorAccountId).filter((a): a is string => Boolean(a)))];
  const names = new Map(
    (await recipientsOf(ctx.tx, ctx.platform, ids)).map((p) => [p.accountId, p.displayName]),
  );
  const fields = personalFields(ctx.platform);
  return {
    items: rows.map((r) => ({
      id: r.seq,
      seq: r.seq,
      at: r.at.toISOString(),
      actor: {
        accountId: r.actorAccountId,
        name: r.actorAccountId ? (names.get(r.actorAccountId) ?? null) : null,
        role: r.actorRole,
      },
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      changes: changeRows(maskPersonal(fields, r.entity, r.changes)),
      requestId: r.requestId,
      hash: r.hash,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The people who acted and the kinds of record the company's log holds, for the viewer's filters. */
export async function auditFilters(ctx: Ctx): Promise<z.infer<typeof AuditFilters>> {
  const [actors, entities] = await Promise.all([
    ctx.tx
      .selectDistinct({ id: auditLog.actorAccountId })
      .from(auditLog)
      .where(and(eq(auditLog.companyId, ctx.companyId), isNotNull(auditLog.actorAccountId))),
    ctx.tx
      .selectDistinct({ entity: auditLog.entity })
      .from(auditLog)
      .where(eq(auditLog.companyId, ctx.companyId)),
  ]);
  const people = await recipientsOf(
    ctx.tx,
    ctx.platform,
    actors.map((a) => a.id).filter((a): a is string => Boolean(a)),
  );
  return {
    actors: people
      .map((p) => ({ accountId: p.accountId, name: p.displayName }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
    entities: entities.map((e) => e.entity).sort(),
  };
}

/** Recomputes the company's chain now: verified up to entry N, or broken at entry N. */
export async function auditVerification(ctx: Ctx): Promise<AuditVerification> {
  const chain = await verifyCompanyChain(ctx.tx, ctx.companyId);
  return {
    status: chain.broken ? "broken" : chain.entries === 0 ? "empty" : "verified",
    verifiedThrough: chain.verified,
    entries: chain.entries,
    broken: chain.broken,
    checkedAt: new Date().toISOString(),
  };
}
