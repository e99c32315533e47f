import { and, isNotNull, lt, or } from "drizzle-orm";
import { type Database, PLATFORM_SCOPE } from "../../platform/db/client.js";
import { defineSchedule } from "../../platform/module.js";
import { sessions } from "./accounts.table.js";

/** Sessions expired or revoked more than 30 days ago are of no further use (the audit log keeps sign-ins). */
export async function deleteDeadSessions(db: Database): Promise<number> {
  const cutoff = new Date(Date.now() - 30 * 24 * 3600_000);
  const rows = await db.transaction(PLATFORM_SCOPE, (tx) =>
    tx
      .delete(sessions)
      .where(
        or(
          lt(sessions.expiresAt, cutoff),
          and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, cutoff)),
        ),
      )
      .returning({ id: sessions.id }),
  );
  return rows.length;
}

export const sessionCleanup = defineSchedule("session-cleanup", "15 4 * * *", ({ db }) =>
  deleteDeadSessions(db),
);
