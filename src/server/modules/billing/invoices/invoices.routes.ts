import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import QRCode from "qrcode";
import { Invoice, InvoicePage, InvoiceQuery, IssueBody, IssueResult } from "../../../../contracts/billing.js";
import { ErrorBody, fileAnswer, IdParams } from "../../../../contracts/common.js";
import { errors } from "../../../platform/errors.js";
import * as invoices from "./invoices.service.js";
import { renderNotice } from "./notice.pdf.js";

/** Fee notices: issued in a batch, listed, read, printed. */
export const invoiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];

  app.post(
    "/invoices/issue",
    {
      schema: {
        summary: "Issue fee notices",
        description:
          "Issues a building's drafts of a period (numbering them gap-free per company and year) and notifies the residents. Every draft the review flags (missing reading, outlier, first notice, changed since the preview) needs a decision: issue it, or exclude it (it stays a draft). 409 REVIEW_UNDECIDED while one is undecided, 409 REVIEW_STALE when the drafts changed since the review named.",
        tags,
        body: IssueBody,
        response: { 503: ErrorBody, 200: IssueResult },
      },
      config: { permission: ["issue", "billing"] },
    },
    async (req) =>
      req.run((ctx) =>
        invoices.issueInvoices(
          ctx,
          { buildingId: req.body.buildingId, period: req.body.period },
          { reviewId: req.body.reviewId, decisions: req.body.decisions },
        ),
      ),
  );
  app.get(
    "/invoices",
    {
      schema: {
        summary: "List fee notices",
        description:
          "Staff see a building's notices (filter by unit, period, status, code); residents see the issued notices of their units.",
        tags,
        querystring: InvoiceQuery,
        response: { 200: InvoicePage },
      },
      config: { permission: ["read", "invoice"] },
    },
    async (req) => req.run((ctx) => invoices.listInvoices(ctx, req.query)),
  );
  app.get(
    "/invoices/:id",
    {
      schema: {
        summary: "A fee notice",
        description: "The notice with its lines, VAT, payments and VietQR payload.",
        tags,
        params: IdParams,
        response: { 200: Invoice },
      },
      config: { permission: ["read", "invoice"] },
    },
    async (req) => req.run((ctx) => invoices.getInvoice(ctx, req.params.id)),
  );
  app.get(
    "/invoices/:id/pdf",
    {
      schema: {
        response: { 200: fileAnswer("application/pdf", "The fee notice") },
        summary: "Fee notice as PDF",
        description: "The printable notice with its VietQR code.",
        tags,
        params: IdParams,
      },
      config: { permission: ["read", "invoice"] },
    },
    async (req, reply) => {
      const doc = await req.run((ctx) => invoices.noticeDocument(ctx, req.params.id));
      const pdf = await renderNotice(doc);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${doc.code}.pdf"`)
        .header("cache-control", "private, no-store")
        .send(pdf);
    },
  );
  app.get(
    "/invoices/:id/vietqr.png",
    {
      schema: {
        response: { 200: fileAnswer("image/png", "The VietQR code of the balance"), 422: ErrorBody },
        summary: "VietQR as an image",
        description:
          "The notice's VietQR code as a PNG to save: on a phone the code cannot be scanned from its own " +
          "screen, so the resident saves it and opens it from the banking app's 'scan from gallery'.",
        tags,
        params: IdParams,
      },
      config: { permission: ["read", "invoice"] },
    },
    async (req, reply) => {
      const invoice = await req.run((ctx) => invoices.getInvoice(ctx, req.params.id));
      if (!invoice.transfer) throw errors.rule("INVOICE_NOT_PAYABLE");
      // Large and with a wide quiet zone: banking apps read a saved image better than a tight one.
      const png = await QRCode.toBuffer(invoice.transfer.qrPayload, {
        type: "png",
        width: 720,
        margin: 4,
        errorCorrectionLevel: "M",
      });
      return reply
        .header("content-type", "image/png")
        .header("content-disposition", `attachment; filename="VietQR-${invoice.code}.png"`)
        .header("cache-control", "private, no-store")
        .send(png);
    },
  );
};
