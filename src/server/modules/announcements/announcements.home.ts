import { and, desc, eq, inArray } from "drizzle-orm";
import { AnnouncementsCard } from "../../../contracts/home.js";
import { defineHomeCard } from "../../platform/module.js";
import { unreadSources } from "../notifications/index.js";
import { announcements } from "./announcements.table.js";

const LATEST = 3;

/** The home's card of the unit's building's announcements the person has not read: how many, and the latest. */
export const unreadAnnouncementsCard = defineHomeCard({
  key: "announcements.unread",
  order: 20,
  data: AnnouncementsCard,
  summary: async (ctx, unit) => {
    const unread = await unreadSources(ctx, "announcement");
    if (unread.length === 0) return null;
    const rows = await ctx.tx
      .select({ id: announcements.id, title: announcements.title, createdAt: announcements.createdAt })
      .from(announcements)
      .where(
        and(
          eq(announcements.companyId, ctx.companyId),
          eq(announcements.buildingId, unit.buildingId),
          inArray(announcements.id, unread),
        ),
      )
      .orderBy(desc(announcements.createdAt), desc(announcements.id));
    if (rows.length === 0) return null;
    return {
      unread: rows.length,
      latest: rows
        .slice(0, LATEST)
        .map((r) => ({ id: r.id, title: r.title, sentAt: r.createdAt.toISOString() })),
    };
  },
});
