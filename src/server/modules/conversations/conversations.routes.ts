import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileAnswer, IdParams, PageQuery, Uuid } from "../../../contracts/common.js";
import {
  ConversationDetail,
  ConversationList,
  ConversationListQuery,
  ConversationPatch,
  ConversationStats,
  MessageBody,
  NewConversationBody,
} from "../../../contracts/conversations.js";
import { FileParams, FileVariantQuery } from "../../../contracts/files.js";
import { sendFile } from "../files/index.js";
import * as service from "./conversations.service.js";

const tags = ["conversations"];
const resident = { permission: ["open", "conversation"] } as const;
const staff = { permission: ["answer", "conversation"] } as const;
/** Read and write in a thread: its resident, or the management (checked per conversation in the service). */
const either = { permission: ["read", "conversation"] } as const;

export const conversationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/me/conversations",
    {
      schema: {
        summary: "Write to the management",
        description: "Opens a conversation about one of the resident's units with its first message.",
        tags,
        body: NewConversationBody,
        response: { 201: ConversationDetail },
      },
      config: resident,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.openConversation(ctx, req.body))),
  );

  app.get(
    "/me/conversations",
    {
      schema: {
        summary: "My conversations",
        description: "The resident's conversations with the management, latest first.",
        tags,
        querystring: PageQuery,
        response: { 200: ConversationList },
      },
      config: resident,
    },
    async (req) => req.run((ctx) => service.myConversations(ctx, req.query)),
  );

  app.get(
    "/conversations",
    {
      schema: {
        summary: "The management's inbox",
        description:
          "Conversations of the buildings the caller covers, latest first; by status or assignment.",
        tags,
        querystring: ConversationListQuery,
        response: { 200: ConversationList },
      },
      config: staff,
    },
    async (req) => req.run((ctx) => service.listConversations(ctx, req.query)),
  );

  app.get(
    "/conversations/stats",
    {
      schema: {
        summary: "Response times",
        description: "Waiting and answered conversations, and the last 30 days' response times.",
        tags,
        querystring: z.object({ buildingId: Uuid.optional() }),
        response: { 200: ConversationStats },
      },
      config: staff,
    },
    async (req) => req.run((ctx) => service.conversationStats(ctx, req.query.buildingId)),
  );

  app.get(
    "/conversations/:id",
    {
      schema: {
        summary: "Open a conversation",
        description: "The thread with its messages, for its resident or the management.",
        tags,
        params: IdParams,
        response: { 200: ConversationDetail },
      },
      config: either,
    },
    async (req) => req.run((ctx) => service.conversationDetail(ctx, req.params.id)),
  );

  app.get(
    "/conversations/:id/files/:fileId",
    {
      schema: {
        summary: "A photo of a conversation",
        description:
          "A photo sent in the thread (`variant=thumbnail`: its thumbnail), for its resident or the management.",
        tags,
        params: FileParams,
        querystring: FileVariantQuery,
        response: { 200: fileAnswer("image/jpeg", "The photo") },
      },
      config: either,
    },
    async (req, reply) =>
      sendFile(
        reply,
        await req.run((ctx) =>
          service.conversationFile(ctx, req.params.id, req.params.fileId, req.query.variant),
        ),
      ),
  );

  app.post(
    "/conversations/:id/messages",
    {
      schema: {
        summary: "Write in a conversation",
        description: "A message from its resident, or an answer from the management (who then has it).",
        tags,
        params: IdParams,
        body: MessageBody,
        response: { 201: ConversationDetail },
      },
      config: either,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.reply(ctx, req.params.id, req.body))),
  );

  app.patch(
    "/conversations/:id",
    {
      schema: {
        summary: "Assign or close a conversation",
        description:
          "The management assigns it to one of the building's answering staff, closes or reopens it.",
        tags,
        params: IdParams,
        body: ConversationPatch,
        response: { 200: ConversationDetail },
      },
      config: staff,
    },
    async (req) => req.run((ctx) => service.updateConversation(ctx, req.params.id, req.body)),
  );
};
