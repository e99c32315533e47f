import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  Announcement,
  AnnouncementBody,
  AnnouncementList,
  AnnouncementListQuery,
  AnnouncementPatch,
  AnnouncementResult,
  AudienceCount,
  AudiencePreviewBody,
  DeliveryReport,
  EmergencyBody,
  Feed,
  FeedItem,
} from "../../../contracts/announcements.js";
import { fileAnswer, IdParams, PageQuery } from "../../../contracts/common.js";
import { FileParams, FileVariantQuery } from "../../../contracts/files.js";
import { sendFile } from "../files/index.js";
import * as service from "./announcements.service.js";
import * as emergency from "./emergency.service.js";

const tags = ["announcements"];
/** Console routes: the building's `announce` permission is checked in the service, per building. */
const console = { permission: ["announce", "building"] } as const;
/** The feed is the person's own inbox of announcements: whoever may read their notifications. */
const feed = ["read", "notification"] as const;

export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/announcements",
    {
      schema: {
        summary: "List a building's announcements",
        description:
          "Drafts, scheduled, published and archived announcements, pinned first, with read receipts.",
        tags,
        querystring: AnnouncementListQuery,
        response: { 200: AnnouncementList },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => service.listAnnouncements(ctx, req.query)),
  );

  app.post(
    "/buildings/:id/announcements",
    {
      schema: {
        summary: "Write an announcement",
        description:
          "Publishes at once (default), keeps a draft, or schedules it. The audience is the building or some of its blocks, floors, units or roles; restricted people are left out, a promotion reaches only those who consented to marketing.",
        tags,
        params: IdParams,
        body: AnnouncementBody,
        response: { 201: AnnouncementResult },
      },
      config: { permission: console.permission },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => service.createAnnouncement(ctx, req.params.id, req.body))),
  );

  app.post(
    "/buildings/:id/announcements/audience",
    {
      schema: {
        summary: "Count an audience",
        description:
          "How many people an audience reaches in the app, and who it leaves out and why; sends nothing.",
        tags,
        params: IdParams,
        body: AudiencePreviewBody,
        response: { 200: AudienceCount },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => service.previewAudience(ctx, req.params.id, req.body)),
  );

  app.get(
    "/announcements/:id",
    {
      schema: {
        summary: "Open an announcement",
        description: "The announcement with its audience, status and read receipts.",
        tags,
        params: IdParams,
        response: { 200: Announcement },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => service.announcementDetail(ctx, req.params.id)),
  );

  app.patch(
    "/announcements/:id",
    {
      schema: {
        summary: "Change an announcement",
        description:
          "A draft or a scheduled one can change anything (a publishing time schedules it, null makes it a draft again); a sent one only its pin.",
        tags,
        params: IdParams,
        body: AnnouncementPatch,
        response: { 200: Announcement },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => service.updateAnnouncement(ctx, req.params.id, req.body)),
  );

  app.post(
    "/announcements/:id/publish",
    {
      schema: {
        summary: "Publish now",
        description: "Sends a draft or a scheduled announcement to its audience now.",
        tags,
        params: IdParams,
        response: { 200: AnnouncementResult },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => service.publishAnnouncement(ctx, req.params.id)),
  );

  app.post(
    "/announcements/:id/archive",
    {
      schema: {
        summary: "Archive an announcement",
        description: "Takes it out of residents' feeds; the record and its read receipts stay.",
        tags,
        params: IdParams,
        response: { 200: Announcement },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => service.archiveAnnouncement(ctx, req.params.id)),
  );

  app.post(
    "/buildings/:id/emergency",
    {
      schema: {
        summary: "Emergency broadcast",
        description:
          "Sends at once, on every channel (in the app, email, SMS on the registry's contacts), to everyone living in the building or the blocks given, whatever their preferences; needs a recent password re-confirmation.",
        tags,
        params: IdParams,
        body: EmergencyBody,
        response: { 201: DeliveryReport },
      },
      config: { permission: console.permission, reauth: true },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => emergency.broadcastEmergency(ctx, req.params.id, req.body))),
  );

  app.get(
    "/announcements/:id/deliveries",
    {
      schema: {
        summary: "Delivery report",
        description: "Per channel: reached, failed, still being sent; who was not reached, by unit.",
        tags,
        params: IdParams,
        response: { 200: DeliveryReport },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => emergency.deliveryReport(ctx, req.params.id)),
  );

  app.get(
    "/announcements/:id/deliveries/export",
    {
      schema: {
        summary: "Export the delivery report",
        description:
          "CSV: the figures per channel, then each unit not reached with the channel and the reason.",
        tags,
        params: IdParams,
        response: { 200: z.string().describe("CSV") },
      },
      config: { permission: console.permission },
    },
    async (req, reply) => {
      const { filename, csv } = await req.run((ctx) => emergency.deliveryCsv(ctx, req.params.id));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  app.post(
    "/announcements/:id/deliveries/resend",
    {
      schema: {
        summary: "Send again what failed",
        description: "Queues again the emergency's emails and SMS that could not be sent.",
        tags,
        params: IdParams,
        response: { 200: DeliveryReport },
      },
      config: { permission: console.permission },
    },
    async (req) => req.run((ctx) => emergency.resendFailed(ctx, req.params.id)),
  );

  app.get(
    "/me/announcements",
    {
      schema: {
        summary: "My announcements",
        description:
          "The announcements sent to the signed-in person, pinned first, then newest, with the unread count.",
        tags,
        querystring: PageQuery,
        response: { 200: Feed },
      },
      config: { permission: feed },
    },
    async (req) => req.run((ctx) => service.myFeed(ctx, req.query)),
  );

  app.get(
    "/me/announcements/:id",
    {
      schema: {
        summary: "Read an announcement",
        description:
          "One announcement of the signed-in person's feed; opening it marks it read (the read receipt).",
        tags,
        params: IdParams,
        response: { 200: FeedItem },
      },
      config: { permission: feed },
    },
    async (req) => req.run((ctx) => service.openFromFeed(ctx, req.params.id)),
  );

  for (const [path, asResident, permission] of [
    ["/announcements/:id/files/:fileId", false, console.permission],
    ["/me/announcements/:id/files/:fileId", true, feed],
  ] as const)
    app.get(
      path,
      {
        schema: {
          summary: asResident ? "A file of an announcement sent to me" : "A file of an announcement",
          description:
            "An attached PDF or image (`variant=thumbnail`: the image's thumbnail), for " +
            (asResident ? "a person the announcement was sent to." : "staff of its building."),
          tags,
          params: FileParams,
          querystring: FileVariantQuery,
          response: { 200: fileAnswer("image/jpeg", "The image or the PDF") },
        },
        config: { permission },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await req.run((ctx) =>
            service.announcementFile(ctx, req.params.id, req.params.fileId, req.query.variant, asResident),
          ),
        ),
    );
};
