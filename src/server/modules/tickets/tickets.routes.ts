import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams, PageQuery } from "../../../contracts/common.js";
import { FileParams, FileVariantQuery } from "../../../contracts/files.js";
import {
  NewTicketBody,
  TicketAssignees,
  TicketAssigneesQuery,
  TicketBoard,
  TicketBoardQuery,
  TicketDetail,
  TicketFromConversationBody,
  TicketList,
  TicketListQuery,
  TicketMessageBody,
  TicketPatch,
  TicketRatingBody,
  TicketReopenBody,
  TicketSlaSettings,
  TicketStats,
  TicketStatsQuery,
} from "../../../contracts/tickets.js";
import { sendFile } from "../files/index.js";
import { saveSlaSettings, slaSettings } from "./slas.service.js";
import * as service from "./tickets.service.js";
import { ticketStats } from "./tickets.stats.js";
import { listTickets, myTickets, ticketBoard, ticketDetail, ticketFile } from "./tickets.views.js";

const tags = ["tickets"];
const resident = { permission: ["report", "ticket"] } as const;
/** Anyone who may see tickets at all; each ticket is checked in the service (its resident, staff, its technician). */
const reader = { permission: ["read", "ticket"] } as const;
const manager = { permission: ["assign", "ticket"] } as const;

export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/me/tickets",
    {
      schema: {
        summary: "Report a problem",
        description:
          "A resident reports a problem in one of their units or a common area of its building, with up to 5 photos uploaded first (`POST /files?purpose=ticket`).",
        tags,
        body: NewTicketBody,
        response: { 201: TicketDetail },
      },
      config: resident,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => service.reportTicket(ctx, req.body))),
  );

  app.get(
    "/me/tickets",
    {
      schema: {
        summary: "My tickets",
        description: "The tickets the resident reported, latest first.",
        tags,
        querystring: PageQuery,
        response: { 200: TicketList },
      },
      config: resident,
    },
    async (req) => req.run((ctx) => myTickets(ctx, req.query)),
  );

  app.get(
    "/tickets",
    {
      schema: {
        summary: "Tickets",
        description:
          "The tickets of the buildings the caller covers (a technician: those assigned to them), by status, category, building, assignee or lateness; `q` finds a number (`#1024`), a title or a unit.",
        tags,
        querystring: TicketListQuery,
        response: { 200: TicketList },
      },
      config: reader,
    },
    async (req) => req.run((ctx) => listTickets(ctx, req.query)),
  );

  app.get(
    "/tickets/board",
    {
      schema: {
        summary: "The tickets' board",
        description: "A column per status with its count and its most pressing cards.",
        tags,
        querystring: TicketBoardQuery,
        response: { 200: TicketBoard },
      },
      config: reader,
    },
    async (req) => req.run((ctx) => ticketBoard(ctx, req.query)),
  );

  app.get(
    "/tickets/stats",
    {
      schema: {
        summary: "Service-level figures",
        description:
          "Of the tickets opened in the last `days`: answered and resolved within their times, median resolution, ratings — overall, per category and per technician.",
        tags,
        querystring: TicketStatsQuery,
        response: { 200: TicketStats },
      },
      config: manager,
    },
    async (req) => req.run((ctx) => ticketStats(ctx, req.query)),
  );

  app.get(
    "/tickets/slas",
    {
      schema: {
        summary: "Service levels",
        description: "Minutes to the first response and to the resolution, per category.",
        tags,
        response: { 200: TicketSlaSettings },
      },
      config: reader,
    },
    async (req) => req.run((ctx) => slaSettings(ctx)),
  );

  app.put(
    "/tickets/slas",
    {
      schema: {
        summary: "Set the service levels",
        description: "The company admin sets them; tickets opened from then on follow them.",
        tags,
        body: TicketSlaSettings,
        response: { 200: TicketSlaSettings },
      },
      config: { permission: ["configure", "ticket"] },
    },
    async (req) => req.run((ctx) => saveSlaSettings(ctx, req.body)),
  );

  app.get(
    "/tickets/assignees",
    {
      schema: {
        summary: "Who can take a building's tickets",
        description: "The building's technicians and managers, with the open tickets each holds.",
        tags,
        querystring: TicketAssigneesQuery,
        response: { 200: TicketAssignees },
      },
      config: manager,
    },
    async (req) => req.run((ctx) => service.assignees(ctx, req.query.buildingId)),
  );

  app.post(
    "/tickets/from-conversation",
    {
      schema: {
        summary: "Turn a conversation into a ticket",
        description:
          "Opens a ticket for the conversation's resident and unit with its topic and first message.",
        tags,
        body: TicketFromConversationBody,
        response: { 201: TicketDetail },
      },
      config: manager,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.ticketFromConversation(ctx, req.body))),
  );

  app.get(
    "/tickets/:id",
    {
      schema: {
        summary: "A ticket",
        description: "The ticket with its timeline (a resident does not see the staff's internal notes).",
        tags,
        params: IdParams,
        response: { 200: TicketDetail },
      },
      config: reader,
    },
    async (req) => req.run((ctx) => ticketDetail(ctx, req.params.id)),
  );

  app.get(
    "/tickets/:id/files/:fileId",
    {
      schema: {
        summary: "A photo of a ticket",
        description: "A photo of the report or of its timeline (`variant=thumbnail`: its thumbnail).",
        tags,
        params: FileParams,
        querystring: FileVariantQuery,
        response: { 200: fileAnswer("image/jpeg", "The photo") },
      },
      config: reader,
    },
    async (req, reply) =>
      sendFile(
        reply,
        await req.run((ctx) => ticketFile(ctx, req.params.id, req.params.fileId, req.query.variant)),
      ),
  );

  app.patch(
    "/tickets/:id",
    {
      schema: {
        summary: "Work on a ticket",
        description:
          "Moves it to its next status (its managers or its technician); assigns it, changes its priority or category (its managers), which sets its times again.",
        tags,
        params: IdParams,
        body: TicketPatch,
        response: { 200: TicketDetail },
      },
      config: reader,
    },
    async (req) => req.run((ctx) => service.updateTicket(ctx, req.params.id, req.body)),
  );

  app.post(
    "/tickets/:id/messages",
    {
      schema: {
        summary: "Write in a ticket",
        description: "A message its resident sees, or (`internal`, staff only) a note they do not.",
        tags,
        params: IdParams,
        body: TicketMessageBody,
        response: { 201: TicketDetail },
      },
      config: reader,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.addTicketMessage(ctx, req.params.id, req.body))),
  );

  app.post(
    "/me/tickets/:id/rating",
    {
      schema: {
        summary: "Rate a resolved ticket",
        description: "The resident's rating (1–5) and comment; it closes the ticket.",
        tags,
        params: IdParams,
        body: TicketRatingBody,
        response: { 200: TicketDetail },
      },
      config: resident,
    },
    async (req) => req.run((ctx) => service.rateTicket(ctx, req.params.id, req.body)),
  );

  app.post(
    "/me/tickets/:id/reopen",
    {
      schema: {
        summary: "Reopen a ticket",
        description: "Within 7 days of its resolution, with the reason; its resolution clock starts again.",
        tags,
        params: IdParams,
        body: TicketReopenBody,
        response: { 200: TicketDetail },
      },
      config: resident,
    },
    async (req) => req.run((ctx) => service.reopenTicket(ctx, req.params.id, req.body)),
  );
};
