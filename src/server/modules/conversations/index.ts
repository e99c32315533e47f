import { defineModule } from "../../platform/module.js";
import { conversationPolicy } from "./conversations.policy.js";
import { conversationsPersonalData } from "./conversations.privacy.js";
import { conversationRoutes } from "./conversations.routes.js";
import { answeredTemplate } from "./conversations.templates.js";
import { waitingConversations } from "./conversations.work.js";

/** Conversations between residents and their building's management: the chat residents expect. */
export { conversationForTicket, purgeConversationsBefore } from "./conversations.service.js";

export const conversationsModule = defineModule({
  name: "conversations",
  templates: [answeredTemplate],
  routes: conversationRoutes,
  policies: [conversationPolicy],
  workQueues: [waitingConversations],
  personalData: [conversationsPersonalData],
  residentHome: { actions: [{ key: "conversations.write", order: 30, to: "/app/messages" }] },
});
