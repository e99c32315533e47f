import { and, eq, inArray } from "drizzle-orm";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { conversationMessages, conversations } from "./conversations.table.js";

/**
 * The person's conversations with the management are theirs: erasure takes the threads they opened, every
 * message in them with it (the management's answers only made sense in the thread).
 */
export const conversationsPersonalData = definePersonalData({
  fields: [],
  erase: async (ctx, person) => {
    if (!person.accountId) return { erased: [], tables: [] };
    const threads = await ctx.tx
      .delete(conversations)
      .where(and(eq(conversations.companyId, ctx.companyId), eq(conversations.accountId, person.accountId)))
      .returning({ id: conversations.id });
    const ids = threads.map((t) => t.id);
    if (ids.length > 0)
      await ctx.tx
        .delete(conversationMessages)
        .where(
          and(
            eq(conversationMessages.companyId, ctx.companyId),
            inArray(conversationMessages.conversationId, ids),
          ),
        );
    return {
      erased: [],
      tables: ["conversations", "conversation_messages"],
      counts: { conversations: ids.length },
    };
  },
});
