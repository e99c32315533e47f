import { and, asc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { filesOf } from "../files/index.js";
import { deleteThreads } from "./conversations.service.js";
import { conversationMessages, conversations } from "./conversations.table.js";

/** The threads the person opened, every message with how many photos it carried, for "my data". */
async function myThreads(ctx: Ctx, accountId: string) {
  const threads = await ctx.tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.companyId, ctx.companyId), eq(conversations.accountId, accountId)))
    .orderBy(asc(conversations.createdAt));
  if (threads.length === 0) return [];
  const messages = await ctx.tx
    .select()
    .from(conversationMessages)
    .where(
      and(
        eq(conversationMessages.companyId, ctx.companyId),
        inArray(
          conversationMessages.conversationId,
          threads.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id));
  const photos = await filesOf(
    ctx,
    messages.map((m) => m.id),
  );
  return threads.map((t) => ({
    topic: t.topic,
    unitCode: t.unitCode,
    status: t.status,
    openedAt: t.createdAt.toISOString(),
    messages: messages
      .filter((m) => m.conversationId === t.id)
      .map((m) => ({
        fromStaff: m.fromStaff,
        body: m.body,
        at: m.createdAt.toISOString(),
        photos: photos.get(m.id)?.length ?? 0,
      })),
  }));
}

/**
 * The person's conversations with the management are theirs: erasure takes the threads they opened, every
 * message and photo in them with it (the management's answers only made sense in the thread).
 */
export const conversationsPersonalData = definePersonalData({
  fields: [],
  collect: async (ctx, owner) => ({ conversations: await myThreads(ctx, owner.accountId) }),
  erase: async (ctx, person) => {
    if (!person.accountId) return { erased: [], tables: [] };
    const threads = await deleteThreads(ctx, eq(conversations.accountId, person.accountId));
    return {
      erased: [],
      tables: ["conversations", "conversation_messages", "files"],
      counts: { conversations: threads },
    };
  },
});
