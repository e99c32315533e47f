import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileAnswer, IdParams } from "../../../contracts/common.js";
import { FileParams, FileVariantQuery } from "../../../contracts/files.js";
import {
  CancelOrderBody,
  CatalogItem,
  CatalogItemBody,
  CatalogItemList,
  CatalogItemPatch,
  CatalogItemQuery,
  CatalogReviewBody,
  Complaint,
  ComplaintBody,
  Job,
  JobAdvanceBody,
  JobDeliverBody,
  JobDelivered,
  JobList,
  JobQuery,
  Order,
  OrderBody,
  OrderList,
  OrderQuery,
  PartnerProfile,
  PayoutBody,
  PeriodQuery,
  Promotion,
  PromotionBody,
  PromotionList,
  PromotionQuery,
  RateOrderBody,
  RefundOrderBody,
  RepeatOrderBody,
  RevealedPhone,
  Shop,
  ShopQuery,
  StatementDetail,
  StatementList,
} from "../../../contracts/marketplace.js";
import { sendFile } from "../files/index.js";
import * as catalog from "./catalog.service.js";
import * as jobs from "./jobs.service.js";
import * as orders from "./orders.service.js";
import * as promotions from "./promotions.service.js";
import * as settlement from "./settlement.service.js";

const tags = ["marketplace"];

export const marketplaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/shop",
    {
      schema: {
        summary: "What a household can order",
        description:
          "For one of the resident's units: the active partners serving its building and their approved items, " +
          "in the reader's language.",
        tags,
        querystring: ShopQuery,
        response: { 200: Shop },
      },
      config: { permission: ["place", "order"] as const },
    },
    async (req) => req.run((ctx) => catalog.shopOf(ctx, req.query.unitId)),
  );

  app.get(
    "/catalog/items",
    {
      schema: {
        summary: "Partners' catalogue items",
        description:
          "The management: every partner's items, to approve (`status=pending`). A partner's staff: their own " +
          "partner's items only.",
        tags,
        querystring: CatalogItemQuery,
        response: { 200: CatalogItemList },
      },
      config: { permission: ["read", "catalog_item"] as const },
    },
    async (req) => req.run((ctx) => catalog.listItems(ctx, req.query)),
  );

  app.post(
    "/catalog/items",
    {
      schema: {
        summary: "Offer an item (partner)",
        description:
          "Names and descriptions in Vietnamese and English, a VAT-inclusive price, the VAT rate, the stock " +
          "(null: not counted) and the buildings, among those the partner serves. Waits for the management's approval.",
        tags,
        body: CatalogItemBody,
        response: { 201: CatalogItem },
      },
      config: { permission: ["update", "catalog_item"] as const },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => catalog.createItem(ctx, req.body))),
  );

  app.patch(
    "/catalog/items/:id",
    {
      schema: {
        summary: "Change an item (partner)",
        description: "A change of anything but the stock sends the item back for approval.",
        tags,
        params: IdParams,
        body: CatalogItemPatch,
        response: { 200: CatalogItem },
      },
      config: { permission: ["update", "catalog_item"] as const },
    },
    async (req) => req.run((ctx) => catalog.updateItem(ctx, req.params.id, req.body)),
  );

  app.get(
    "/catalog/items/:id/photos/:fileId",
    {
      schema: {
        summary: "An item's photo",
        description:
          "For the management, the partner's staff, and residents of a building where the approved item is offered.",
        tags,
        params: FileParams,
        querystring: FileVariantQuery,
        response: { 200: fileAnswer("image/jpeg", "The photo (JPEG)") },
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await req.run((ctx) => catalog.itemPhoto(ctx, req.params.id, req.params.fileId, req.query.variant)),
      ),
  );

  app.post(
    "/catalog/items/:id/review",
    {
      schema: {
        summary: "Approve or refuse a partner's item",
        description:
          "The company admin or a building manager; a refusal says why (the partner reads it). Audited.",
        tags,
        params: IdParams,
        body: CatalogReviewBody,
        response: { 200: CatalogItem },
      },
      config: { permission: ["review", "catalog_item"] as const },
    },
    async (req) => req.run((ctx) => catalog.reviewItem(ctx, req.params.id, req.body)),
  );

  app.get(
    "/promotions",
    {
      schema: {
        summary: "Partners' promotions",
        description:
          "The management: every partner's promotions, to approve (`status=pending`). A partner's staff: their own.",
        tags,
        querystring: PromotionQuery,
        response: { 200: PromotionList },
      },
      config: { permission: ["read", "catalog_item"] as const },
    },
    async (req) => req.run((ctx) => promotions.listPromotions(ctx, req.query)),
  );

  app.post(
    "/promotions",
    {
      schema: {
        summary: "Propose a promotion (partner)",
        description:
          "Title and text in both languages, the dates, one of the partner's items or none (the whole shop). " +
          "Shown to residents who consent to marketing, while it runs, once the management approves it.",
        tags,
        body: PromotionBody,
        response: { 201: Promotion },
      },
      config: { permission: ["update", "catalog_item"] as const },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => promotions.createPromotion(ctx, req.body))),
  );

  app.post(
    "/promotions/:id/review",
    {
      schema: {
        summary: "Approve or refuse a partner's promotion",
        description: "The company admin or a building manager; a refusal says why. Audited.",
        tags,
        params: IdParams,
        body: CatalogReviewBody,
        response: { 200: Promotion },
      },
      config: { permission: ["review", "catalog_item"] as const },
    },
    async (req) => req.run((ctx) => promotions.reviewPromotion(ctx, req.params.id, req.body)),
  );

  app.post(
    "/orders",
    {
      schema: {
        summary: "Place an order",
        description:
          "One partner's items for one of the resident's units, a delivery window (today's not yet begun, up to " +
          "14 days ahead), door or reception, a note, and transfer or cash on delivery. The stock is taken at " +
          "once (`OUT_OF_STOCK` when gone); the partner gets the recipient's first name, recorded as a disclosure.",
        tags,
        body: OrderBody,
        response: { 201: Order },
      },
      config: { permission: ["place", "order"] as const },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => orders.placeOrder(ctx, req.body))),
  );

  app.get(
    "/orders",
    {
      schema: {
        summary: "Orders",
        description: "A resident: their units' orders. The desk: their buildings' orders. Newest first.",
        tags,
        querystring: OrderQuery,
        response: { 200: OrderList },
      },
      config: { permission: ["read", "order"] as const },
    },
    async (req) => req.run((ctx) => orders.listOrders(ctx, req.query)),
  );

  app.get(
    "/orders/:id",
    {
      schema: {
        summary: "An order",
        description:
          "Lines, total and VAT, the window, the times of each step, the payment, and for the household the " +
          "delivery code while it is open and how to pay by transfer while unpaid.",
        tags,
        params: IdParams,
        response: { 200: Order },
      },
      config: { permission: ["read", "order"] as const },
    },
    async (req) => req.run((ctx) => orders.getOrder(ctx, req.params.id)),
  );

  app.post(
    "/orders/:id/cancel",
    {
      schema: {
        summary: "Cancel an order",
        description:
          "The household until the partner is preparing it; the desk while it is open. The stock comes back; " +
          "what was paid waits for a refund.",
        tags,
        params: IdParams,
        body: CancelOrderBody,
        response: { 200: Order },
      },
      config: { permission: ["cancel", "order"] as const },
    },
    async (req) => req.run((ctx) => orders.cancelOrder(ctx, req.params.id, req.body)),
  );

  app.post(
    "/orders/:id/refund",
    {
      schema: {
        summary: "Refund a paid order",
        description:
          "The company admin or the accountant, for a cancelled or delivered order, with the reference of the money given back.",
        tags,
        params: IdParams,
        body: RefundOrderBody,
        response: { 200: Order },
      },
      config: { permission: ["refund", "order"] as const },
    },
    async (req) => req.run((ctx) => orders.refundOrder(ctx, req.params.id, req.body)),
  );

  app.post(
    "/orders/:id/rating",
    {
      schema: {
        summary: "Rate a delivered order",
        description: "Once, 1 to 5 stars with a comment.",
        tags,
        params: IdParams,
        body: RateOrderBody,
        response: { 200: Order },
      },
      config: { permission: ["rate", "order"] as const },
    },
    async (req) => req.run((ctx) => orders.rateOrder(ctx, req.params.id, req.body)),
  );

  app.post(
    "/orders/:id/complaint",
    {
      schema: {
        summary: "Complain about an order",
        description:
          "Once it is under way or over, once: opens a ticket the management follows (its number is answered), " +
          "linked to the order.",
        tags,
        params: IdParams,
        body: ComplaintBody,
        response: { 201: Complaint },
      },
      config: { permission: ["complain", "order"] as const },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => orders.complainAbout(ctx, req.params.id, req.body))),
  );

  app.post(
    "/orders/:id/repeat",
    {
      schema: {
        summary: "Order the same again",
        description:
          "The order's items, unit, delivery and payment, for a new window; refused as any new order would be.",
        tags,
        params: IdParams,
        body: RepeatOrderBody,
        response: { 201: Order },
      },
      config: { permission: ["place", "order"] as const },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => orders.repeatOrder(ctx, req.params.id, req.body))),
  );

  app.get(
    "/partner/profile",
    {
      schema: {
        summary: "The partner the signed-in person works for",
        description: "Its name, categories, the buildings it serves (name and address) and its commission.",
        tags,
        response: { 200: PartnerProfile },
      },
      config: { permission: ["read", "job"] as const },
    },
    async (req) => req.run((ctx) => catalog.partnerProfile(ctx)),
  );

  app.get(
    "/partner/jobs",
    {
      schema: {
        summary: "The partner's open jobs",
        description:
          "For the partner's staff: open orders of their partner only, with only the recipient's first name, the " +
          "unit and building address, a masked phone, the window and the items. Closed jobs are not returned.",
        tags,
        querystring: JobQuery,
        response: { 200: JobList },
      },
      config: { permission: ["read", "job"] as const },
    },
    async (req) => req.run((ctx) => jobs.listJobs(ctx, req.query)),
  );

  app.get(
    "/partner/jobs/:id",
    {
      schema: {
        summary: "An open job",
        description: "404 once the job is closed: the partner's view of the recipient ends with it.",
        tags,
        params: IdParams,
        response: { 200: Job },
      },
      config: { permission: ["read", "job"] as const },
    },
    async (req) => req.run((ctx) => jobs.getJob(ctx, req.params.id)),
  );

  app.post(
    "/partner/jobs/:id/advance",
    {
      schema: {
        summary: "Move a job along",
        description: "Confirmed, preparing, on the way: forward only; the household is told.",
        tags,
        params: IdParams,
        body: JobAdvanceBody,
        response: { 200: Job },
      },
      config: { permission: ["advance", "job"] as const },
    },
    async (req) => req.run((ctx) => jobs.advanceJob(ctx, req.params.id, req.body)),
  );

  app.post(
    "/partner/jobs/:id/deliver",
    {
      schema: {
        summary: "Deliver a job with the household's code",
        description:
          "The 4-digit code the household shows; cash on delivery is recorded as collected. The job closes.",
        tags,
        params: IdParams,
        body: JobDeliverBody,
        response: { 200: JobDelivered },
      },
      config: { permission: ["deliver", "job"] as const },
    },
    async (req) => req.run((ctx) => jobs.deliverJob(ctx, req.params.id, req.body)),
  );

  app.post(
    "/partner/jobs/:id/reveal-phone",
    {
      schema: {
        summary: "Reveal the recipient's phone",
        description:
          "For an open job only; each reveal is recorded as a disclosure the resident sees in their data.",
        tags,
        params: IdParams,
        response: { 200: RevealedPhone },
      },
      config: { permission: ["reveal", "job"] as const },
    },
    async (req) => req.run((ctx) => jobs.revealPhone(ctx, req.params.id)),
  );

  app.get(
    "/settlements",
    {
      schema: {
        summary: "Partners' statements of a month",
        description:
          "Per partner: orders delivered in the month (Vietnam's calendar), refunds, cash the partner collected, " +
          "the commission, and the net owed (gross − refunds − cash − commission); paid ones with their reference.",
        tags,
        querystring: PeriodQuery,
        response: { 200: StatementList },
      },
      config: { permission: ["read", "settlement"] as const },
    },
    async (req) => req.run((ctx) => settlement.statements(ctx, req.query.period)),
  );

  app.get(
    "/settlements/payout.csv",
    {
      schema: {
        summary: "The month's payouts as a bank batch file",
        description:
          "CSV (UTF-8) in the columns Vietnamese banks' batch-transfer templates ask for: one row per partner " +
          "still to be paid a positive net. Audited.",
        tags,
        querystring: PeriodQuery,
        response: { 200: z.string().describe("CSV") },
      },
      config: { permission: ["pay", "settlement"] as const },
    },
    async (req, reply) => {
      const { filename, csv } = await req.run((ctx) => settlement.payoutFile(ctx, req.query.period));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  app.get(
    "/partners/:id/statement",
    {
      schema: {
        summary: "A partner's statement of a month, with its orders",
        description: "Each order delivered in the month with its commission (none once refunded).",
        tags,
        params: IdParams,
        querystring: PeriodQuery,
        response: { 200: StatementDetail },
      },
      config: { permission: ["read", "settlement"] as const },
    },
    async (req) => req.run((ctx) => settlement.statement(ctx, req.params.id, req.query.period)),
  );

  app.post(
    "/partners/:id/payouts",
    {
      schema: {
        summary: "Record a month's payout to a partner",
        description:
          "Once the month has ended, with the bank's reference: the statement's figures are kept as paid. A " +
          "second payout of the same month is refused.",
        tags,
        params: IdParams,
        body: PayoutBody,
        response: { 200: StatementDetail },
      },
      config: { permission: ["pay", "settlement"] as const },
    },
    async (req) => req.run((ctx) => settlement.recordPayout(ctx, req.params.id, req.body)),
  );

  app.get(
    "/partner/statement",
    {
      schema: {
        summary: "The partner's own statement of a month",
        description:
          "For the partner's staff: their partner's orders delivered in the month, commission and net.",
        tags,
        querystring: PeriodQuery,
        response: { 200: StatementDetail },
      },
      config: { permission: ["read", "job"] as const },
    },
    async (req) => req.run((ctx) => settlement.statement(ctx, null, req.query.period)),
  );
};
