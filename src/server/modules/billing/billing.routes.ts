import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  Ageing,
  BankAccount,
  BankAccountBody,
  BankAccountList,
  BankTransferPage,
  BankTransferQuery,
  BillingDashboard,
  BillingRun,
  BillingSettings,
  BillingSettingsBody,
  BuildingQuery,
  CashPaymentBody,
  DashboardQuery,
  DebtQuery,
  FeeRule,
  FeeRuleBody,
  FeeRuleList,
  FeeRulePreview,
  FeeRulePreviewBody,
  Invoice,
  InvoicePage,
  InvoiceQuery,
  IssueResult,
  MatchTransferBody,
  MissingReadings,
  Payment,
  Period,
  Reading,
  ReadingBody,
  ReadingPage,
  ReadingQuery,
  ReadingsImportQuery,
  ReadingsImportResult,
  RunBody,
  Statement,
} from "../../../contracts/billing.js";
import { Acknowledged, ErrorBody, fileAnswer, IdParams, NoContent, XLSX } from "../../../contracts/common.js";
import { errors } from "../../platform/errors.js";
import { XLSX_TYPE } from "../../platform/spreadsheet/read.js";
import * as debts from "./debts/debts.service.js";
import * as invoices from "./invoices/invoices.service.js";
import { renderNotice } from "./invoices/notice.pdf.js";
import * as payments from "./payments/payments.service.js";
import { unroutedRoutes } from "./payments/unrouted.routes.js";
import * as readingsImport from "./readings/readings.import.js";
import * as readings from "./readings/readings.service.js";
import * as rules from "./rules/rules.service.js";
import * as runs from "./runs/runs.service.js";
import { tariffRoutes } from "./tariffs/tariffs.routes.js";

const MAX_FILE = 20 * 1024 * 1024;

const runDto = (r: runs.BillingRunRow): z.infer<typeof BillingRun> => ({
  id: r.id,
  buildingId: r.buildingId,
  period: r.period,
  status: r.status as "running" | "done" | "failed",
  units: r.units,
  done: r.done,
  created: r.created,
  redrafted: r.redrafted,
  changedAfterIssue: r.changedAfterIssue,
  invoices: r.invoices,
  total: r.total,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** Fee rules, tariffs, bank accounts, readings, runs, notices and payments (DESIGN §2 Billing). */
export const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["billing"];
  const reads = { permission: ["read", "billing"] as const };
  const configures = { permission: ["configure", "billing"] as const };

  app.get(
    "/fee-rules",
    {
      schema: {
        summary: "List fee rules",
        description: "The company's fee rules (per m², per vehicle, fixed, metered), filtered by building.",
        tags,
        querystring: BuildingQuery,
        response: { 200: FeeRuleList },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => rules.listRules(ctx, req.query.buildingId)),
  );
  app.post(
    "/fee-rules",
    {
      schema: {
        summary: "Create a fee rule",
        description:
          "Adds a fee rule to a building; a management fee outside the province's price frame is refused.",
        tags,
        body: FeeRuleBody,
        response: { 201: FeeRule },
      },
      config: configures,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => rules.createRule(ctx, req.body))),
  );
  app.post(
    "/fee-rules/preview",
    {
      schema: {
        summary: "Preview a fee rule",
        description: "Computes what a rule would charge each unit for a period, without saving anything.",
        tags,
        body: FeeRulePreviewBody,
        response: { 200: FeeRulePreview },
      },
      config: configures,
    },
    async (req) => req.run((ctx) => rules.previewRule(ctx, req.body.rule, req.body.replaces)),
  );
  app.put(
    "/fee-rules/:id",
    {
      schema: {
        summary: "Change a fee rule",
        description: "Replaces a fee rule's terms; a rule cannot move to another building.",
        tags,
        params: IdParams,
        body: FeeRuleBody,
        response: { 200: FeeRule },
      },
      config: configures,
    },
    async (req) => req.run((ctx) => rules.updateRule(ctx, req.params.id, req.body)),
  );
  app.delete(
    "/fee-rules/:id",
    {
      schema: {
        summary: "Delete a fee rule",
        description:
          "Deletes a rule that no issued notice uses; otherwise set an end date. Needs a recent password confirmation.",
        response: { 204: NoContent },
        tags,
        params: IdParams,
      },
      config: configures,
    },
    async (req, reply) => {
      await req.run((ctx) => rules.deleteRule(ctx, req.params.id));
      return reply.status(204).send(null);
    },
  );
  await app.register(tariffRoutes);
  app.get(
    "/buildings/:id/billing-settings",
    {
      schema: {
        summary: "Billing settings of a building",
        description:
          "The building's due day, price frame for the management fee, and bank account for transfers.",
        tags,
        params: IdParams,
        response: { 200: BillingSettings },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => rules.getSettings(ctx, req.params.id)),
  );
  app.put(
    "/buildings/:id/billing-settings",
    {
      schema: {
        summary: "Change billing settings",
        description: "Sets the building's due day, price frame and receiving bank account.",
        tags,
        params: IdParams,
        body: BillingSettingsBody,
        response: { 200: BillingSettings },
      },
      config: configures,
    },
    async (req) => req.run((ctx) => rules.saveSettings(ctx, req.params.id, req.body)),
  );
  app.get(
    "/bank-accounts",
    {
      schema: {
        summary: "List bank accounts",
        description: "The company's receiving bank accounts (for VietQR codes and the bank feed).",
        tags,
        querystring: BuildingQuery,
        response: { 200: BankAccountList },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => rules.listBankAccounts(ctx, req.query.buildingId)),
  );
  app.post(
    "/bank-accounts",
    {
      schema: {
        summary: "Add a bank account",
        description: "Adds a receiving account by bank BIN and account number.",
        tags,
        body: BankAccountBody,
        response: { 201: BankAccount },
      },
      config: configures,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => rules.addBankAccount(ctx, req.body))),
  );

  app.post(
    "/meter-readings",
    {
      schema: {
        summary: "Record a meter reading",
        description:
          "Records a unit's electricity or water reading for a period; a reading below the previous one, or far above the usual, is refused unless confirmed.",
        tags,
        body: ReadingBody,
        response: { 201: Reading },
      },
      config: { permission: ["record_reading", "billing"] },
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => readings.recordReading(ctx, req.body))),
  );
  app.get(
    "/meter-readings",
    {
      schema: {
        summary: "List meter readings",
        description: "Readings of a building for a period, with consumption.",
        tags,
        querystring: ReadingQuery,
        response: { 200: ReadingPage },
      },
      config: { permission: ["read_readings", "billing"] },
    },
    async (req) => req.run((ctx) => readings.listReadings(ctx, req.query)),
  );
  // A readings file is the body, as sent: an .xlsx workbook or a CSV sheet.
  app.addContentTypeParser(
    ["application/octet-stream", "text/csv", XLSX_TYPE],
    { parseAs: "buffer", bodyLimit: MAX_FILE },
    (_req, body, done) => done(null, body),
  );
  app.get(
    "/buildings/:id/meter-readings/template.xlsx",
    {
      schema: {
        response: { 200: fileAnswer(XLSX, "The readings sheet") },
        summary: "Download the readings template",
        description: "An .xlsx sheet with every metered unit of the building, to fill in and import.",
        tags,
        params: IdParams,
        querystring: z.object({ period: Period }),
      },
      config: { permission: ["record_reading", "billing"] },
    },
    async (req, reply) => {
      const rows = await req.run((ctx) => readingsImport.templateRows(ctx, req.params.id, req.query.period));
      const stream = new PassThrough();
      readingsImport.writeReadingsTemplate(rows, stream).catch((err) => stream.destroy(err));
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", `attachment; filename="chi-so-cong-to-${req.query.period}.xlsx"`)
        .send(stream);
    },
  );
  app.post(
    "/buildings/:id/meter-readings/import",
    {
      bodyLimit: MAX_FILE,
      schema: {
        summary: "Import meter readings",
        description:
          "Reads a filled-in sheet (.xlsx or .csv, as the body) and records every reading, or none when a row is wrong.",
        tags,
        params: IdParams,
        querystring: ReadingsImportQuery,
        response: { 200: ReadingsImportResult },
      },
      config: { permission: ["record_reading", "billing"] },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw errors.rule("IMPORT_BODY_MISSING");
      const source = req.body;
      return req.run((ctx) => readingsImport.importReadings(ctx, req.params.id, { source, ...req.query }));
    },
  );
  app.get(
    "/buildings/:id/missing-readings",
    {
      schema: {
        summary: "Units without readings",
        description: "Metered units of the building still missing a reading for the period.",
        tags,
        params: IdParams,
        querystring: z.object({ period: Period }),
        response: { 200: MissingReadings },
      },
      config: { permission: ["read_readings", "billing"] },
    },
    async (req) => req.run((ctx) => readings.missingReadings(ctx, req.params.id, req.query.period)),
  );

  app.post(
    "/billing-runs",
    {
      schema: {
        summary: "Start a billing run",
        description:
          "Computes the fee notices of a building for a month (idempotent per building and period; a re-run produces adjustments for issued notices). Runs in the background.",
        tags,
        body: RunBody,
        response: { 503: ErrorBody, 202: BillingRun },
      },
      config: { permission: ["run", "billing"] },
    },
    async (req, reply) =>
      reply.status(202).send(runDto(await req.run((ctx) => runs.startRun(ctx, req.body)))),
  );
  app.get(
    "/billing-runs",
    {
      schema: {
        summary: "List billing runs",
        description: "The company's billing runs with their progress and counts.",
        tags,
        querystring: RunBody,
        response: { 200: z.object({ run: BillingRun.nullable() }) },
      },
      config: reads,
    },
    async (req) => {
      const row = await req.run((ctx) => runs.findRun(ctx, req.query.buildingId, req.query.period));
      return { run: row ? runDto(row) : null };
    },
  );
  app.get(
    "/billing-runs/:id",
    {
      schema: {
        summary: "A billing run",
        description: "One run's status, progress and counts.",
        tags,
        params: IdParams,
        response: { 200: BillingRun },
      },
      config: reads,
    },
    async (req) => runDto(await req.run((ctx) => runs.getRun(ctx, req.params.id))),
  );
  app.post(
    "/invoices/issue",
    {
      schema: {
        summary: "Issue fee notices",
        description:
          "Issues the draft notices chosen (numbering them gap-free per company and year) and notifies the residents.",
        tags,
        body: RunBody,
        response: { 503: ErrorBody, 200: IssueResult },
      },
      config: { permission: ["issue", "billing"] },
    },
    async (req) => req.run((ctx) => invoices.issueInvoices(ctx, req.body.buildingId, req.body.period)),
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
    "/debts",
    {
      schema: {
        summary: "Debts by age",
        description: "Unpaid amounts of a building's units, by age.",
        tags,
        querystring: DebtQuery,
        response: { 200: Ageing },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => debts.ageing(ctx, req.query.buildingId, req.query)),
  );
  app.get(
    "/units/:id/statement",
    {
      schema: {
        summary: "Statement of a unit",
        description: "Every notice and payment of a unit, with the running balance.",
        tags,
        params: IdParams,
        response: { 200: Statement },
      },
      config: { permission: ["read", "invoice"] },
    },
    async (req) => req.run((ctx) => debts.statement(ctx, req.params.id)),
  );
  app.get(
    "/billing/dashboard",
    {
      schema: {
        summary: "Billing dashboard",
        description:
          "Collection rate, amounts due and paid, unmatched transfers, for the console's dashboard.",
        tags,
        querystring: DashboardQuery,
        response: { 200: BillingDashboard },
      },
      config: reads,
    },
    async (req) => req.run((ctx) => debts.dashboard(ctx, req.query.buildingId, req.query.months)),
  );

  app.post(
    "/payments/cash",
    {
      schema: {
        summary: "Record a cash payment",
        description:
          "Records money received at the office and allocates it to the oldest open notices of the unit; a receipt follows.",
        tags,
        body: CashPaymentBody,
        response: { 201: Payment },
      },
      config: { permission: ["take_payment", "billing"] },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => payments.recordCash(ctx, req.body))),
  );
  app.get(
    "/bank-transfers",
    {
      schema: {
        summary: "List bank transfers",
        description: "Transfers the bank feed reported, matched or waiting for a person to match them.",
        tags,
        querystring: BankTransferQuery,
        response: { 200: BankTransferPage },
      },
      config: { permission: ["take_payment", "billing"] },
    },
    async (req) => req.run((ctx) => payments.listTransfers(ctx, req.query)),
  );
  app.post(
    "/bank-transfers/:id/match",
    {
      schema: {
        response: { 200: Acknowledged },
        summary: "Match a bank transfer",
        description: "Allocates an unmatched transfer to a unit's notices by hand.",
        tags,
        params: IdParams,
        body: MatchTransferBody,
      },
      config: { permission: ["take_payment", "billing"] },
    },
    async (req) => req.run((ctx) => payments.matchTransfer(ctx, req.params.id, req.body.invoiceId)),
  );

  await app.register(unroutedRoutes);
};
