import { and, count, eq, min } from "drizzle-orm";
import { buildingScope, can } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { defineWorkQueue } from "../../platform/module.js";
import { conversationPolicy } from "./conversations.policy.js";
import { conversations } from "./conversations.table.js";

/** Residents' conversations waiting for the management's answer, the oldest first. */
export const waitingConversations = defineWorkQueue({
  key: "conversations.waiting",
  label: { vi: "Tin nhắn cư dân chờ trả lời", en: "Residents' messages to answer" },
  sees: (actor) => can(actor, "answer", conversationPolicy),
  count: async (ctx: Ctx) => {
    const [row] = await ctx.tx
      .select({ n: count(), oldest: min(conversations.lastMessageAt) })
      .from(conversations)
      .where(
        and(
          eq(conversations.companyId, ctx.companyId),
          eq(conversations.status, "open"),
          buildingScope(conversations.buildingId)(ctx.actor),
        ),
      );
    return [{ buildingId: null, count: row?.n ?? 0, due: row?.oldest ?? null }];
  },
  due: "age",
  link: () => "/console/messages?status=open",
});
