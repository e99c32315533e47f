import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, PageQuery } from "../../../contracts/common.js";
import {
  AccessLogPage,
  AccessLogQuery,
  AcknowledgeBody,
  AffectedPage,
  AgencyRelease,
  AgencyRequestBody,
  AuthorityNotifiedBody,
  Breach,
  BreachBody,
  BreachClocks,
  BreachPage,
  BreachPatch,
  BreachQuery,
  ConsentBody,
  ConsentOverview,
  ContainmentBody,
  DataExportBody,
  DataExportLink,
  DisclosurePage,
  DisclosureQuery,
  IdentityCheck,
  IdentityCheckBody,
  LegalHold,
  LegalHoldBody,
  LegalHoldList,
  MyRecordPatch,
  NotifyResult,
  OccupancyReport,
  PaymentRateReport,
  PendingPolicies,
  Policy,
  PolicyKindParams,
  PolicyQuery,
  PolicyVersionList,
  PrivacyRequest,
  PrivacyRequestBody,
  PrivacyRequestPage,
  PrivacyRequestQuery,
  ProcessingRegister,
  PublishPolicyBody,
  ReportQuery,
  RequestNoteBody,
  RequestResolveBody,
  ResidentIdParams,
  RetentionOverview,
  RetentionSettings,
} from "../../../contracts/privacy.js";
import { MyData } from "../../../contracts/registry.js";
import { errors } from "../../platform/errors.js";
import { residentIdsOfAccount } from "../registry/residents/my-data.service.js";
import { correctOwnRecord } from "../registry/residents/residents.service.js";
import { listAccessLogs } from "./access-logs.service.js";
import * as breaches from "./breaches/breaches.service.js";
import { consentOverview, setConsent } from "./consents/consents.service.js";
import { listDisclosures, releaseToAgency } from "./disclosures/disclosures.service.js";
import * as holds from "./erasure/holds.service.js";
import { createExport, downloadExport } from "./mydata/exports.service.js";
import { myData } from "./mydata/my-data.service.js";
import * as policies from "./policies/policies.service.js";
import "./privacy.policy.js";
import { processingRegister, registerDossier } from "./register/register.service.js";
import { occupancyReport, paymentRateReport } from "./reports/reports.service.js";
import { sendIdentityCheck } from "./requests/identity.service.js";
import * as requests from "./requests/requests.service.js";
import { retentionOverview, saveRetention } from "./retention/retention.service.js";

const allow = (action: string) => ({ permission: [action, "privacy"] as [string, string] });

const TokenParams = z.object({ token: z.string().min(20).max(100) });

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];
  const own = allow("own_data");

  // Public: the policy and the terms, the platform's or a company's.
  app.get(
    "/public/policies/:kind",
    {
      schema: { tags, params: PolicyKindParams, querystring: PolicyQuery, response: { 200: Policy } },
      config: { auth: "public" },
    },
    async (req) =>
      req.run((ctx) => policies.publicPolicy(ctx, req.params.kind, req.query.companyId, req.query.version)),
  );
  app.get(
    "/public/policies/:kind/versions",
    {
      schema: {
        tags,
        params: PolicyKindParams,
        querystring: PolicyQuery,
        response: { 200: PolicyVersionList },
      },
      config: { auth: "public" },
    },
    async (req) =>
      req.query.companyId
        ? req.run((ctx) => policies.policyVersions(ctx, [req.params.kind], req.query.companyId))
        : req.run(async (ctx) => ({ items: [await policies.publicPolicy(ctx, req.params.kind)] })),
  );

  app.get(
    "/privacy/policies/pending",
    { schema: { tags, response: { 200: PendingPolicies } }, config: own },
    async (req) => req.run((ctx) => policies.pendingPolicies(ctx)),
  );
  app.post(
    "/privacy/policies/acknowledge",
    { schema: { tags, body: AcknowledgeBody }, config: own },
    async (req, reply) => {
      await req.run((ctx) => policies.acknowledge(ctx, req.body.policyId));
      return reply.status(204).send();
    },
  );
  app.get(
    "/privacy/policies",
    { schema: { tags, response: { 200: PolicyVersionList } }, config: allow("publish_policy") },
    async (req) => req.run((ctx) => policies.policyVersions(ctx, ["privacy", "terms"])),
  );
  app.post(
    "/privacy/policies",
    { schema: { tags, body: PublishPolicyBody, response: { 201: Policy } }, config: allow("publish_policy") },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => policies.publishPolicy(ctx, req.body))),
  );

  // The person's own data and consents.
  app.get(
    "/privacy/consents",
    { schema: { tags, response: { 200: ConsentOverview } }, config: own },
    async (req) => req.run((ctx) => consentOverview(ctx)),
  );
  app.post(
    "/privacy/consents",
    { schema: { tags, body: ConsentBody, response: { 200: ConsentOverview } }, config: own },
    async (req) => req.run((ctx) => setConsent(ctx, req.body)),
  );
  app.get("/my/data", { schema: { tags, response: { 200: MyData } }, config: own }, async (req) =>
    req.run((ctx) => myData(ctx)),
  );
  app.patch(
    "/my/data/:residentId",
    {
      schema: { tags, params: ResidentIdParams, body: MyRecordPatch, response: { 200: MyData } },
      config: own,
    },
    async (req) =>
      req.run(async (ctx) => {
        await correctOwnRecord(ctx, req.params.residentId, req.body);
        return myData(ctx);
      }),
  );
  app.post(
    "/privacy/exports",
    { schema: { tags, body: DataExportBody, response: { 201: DataExportLink } }, config: own },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createExport(ctx, req.body.format))),
  );
  app.get(
    "/privacy/exports/:token",
    { schema: { tags, params: TokenParams }, config: own },
    async (req, reply) => {
      const file = await req.run((ctx) => downloadExport(ctx, req.params.token));
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .send(file.body);
    },
  );
  app.post(
    "/privacy/restriction/lift",
    { schema: { tags, body: ResidentIdParams }, config: own },
    async (req, reply) => {
      await req.run(async (ctx) => {
        const mine = ctx.actor.accountId ? await residentIdsOfAccount(ctx, ctx.actor.accountId) : [];
        if (!mine.includes(req.body.residentId)) throw errors.notFound("resident");
        await requests.liftRestriction(ctx, req.body.residentId);
      });
      return reply.status(204).send();
    },
  );

  // Data-subject requests.
  app.get(
    "/privacy/requests",
    {
      schema: { tags, querystring: PrivacyRequestQuery, response: { 200: PrivacyRequestPage } },
      config: own,
    },
    async (req) => req.run((ctx) => requests.listRequests(ctx, req.query)),
  );
  app.get(
    "/privacy/requests/:id",
    { schema: { tags, params: IdParams, response: { 200: PrivacyRequest } }, config: own },
    async (req) => req.run((ctx) => requests.getRequest(ctx, req.params.id)),
  );
  app.post(
    "/privacy/requests",
    { schema: { tags, body: PrivacyRequestBody, response: { 201: PrivacyRequest } }, config: own },
    async (req, reply) => {
      const result = await req.run((ctx) => requests.createRequest(ctx, req.body));
      if ("failure" in result) throw result.failure;
      return reply.status(201).send(result.request);
    },
  );
  app.post(
    "/privacy/requests/:id/cancel",
    { schema: { tags, params: IdParams, response: { 200: PrivacyRequest } }, config: own },
    async (req) => req.run((ctx) => requests.cancelRequest(ctx, req.params.id)),
  );
  const handle = allow("handle_requests");
  app.post(
    "/privacy/requests/:id/take",
    { schema: { tags, params: IdParams, response: { 200: PrivacyRequest } }, config: handle },
    async (req) => req.run((ctx) => requests.takeRequest(ctx, req.params.id)),
  );
  app.post(
    "/privacy/requests/:id/notes",
    {
      schema: { tags, params: IdParams, body: RequestNoteBody, response: { 200: PrivacyRequest } },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.noteRequest(ctx, req.params.id, req.body.note)),
  );
  app.post(
    "/privacy/requests/:id/complete",
    {
      schema: { tags, params: IdParams, body: RequestResolveBody, response: { 200: PrivacyRequest } },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.completeRequest(ctx, req.params.id, req.body.resolution)),
  );
  app.post(
    "/privacy/requests/:id/reject",
    {
      schema: { tags, params: IdParams, body: RequestResolveBody, response: { 200: PrivacyRequest } },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.rejectRequest(ctx, req.params.id, req.body.resolution)),
  );
  app.post(
    "/privacy/identity-checks",
    { schema: { tags, body: IdentityCheckBody, response: { 201: IdentityCheck } }, config: handle },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.run((ctx) => sendIdentityCheck(ctx, req.body.residentId, req.body.channel))),
  );

  // Legal holds and disclosures.
  app.get(
    "/privacy/legal-holds",
    {
      schema: {
        tags,
        querystring: z.object({ residentId: z.uuid().optional() }),
        response: { 200: LegalHoldList },
      },
      config: allow("read_holds"),
    },
    async (req) => req.run((ctx) => holds.listHolds(ctx, req.query.residentId)),
  );
  app.post(
    "/privacy/legal-holds",
    { schema: { tags, body: LegalHoldBody, response: { 201: LegalHold } }, config: allow("place_holds") },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => holds.placeHold(ctx, req.body))),
  );
  app.post(
    "/privacy/legal-holds/:id/release",
    { schema: { tags, params: IdParams, response: { 200: LegalHold } }, config: allow("place_holds") },
    async (req) => req.run((ctx) => holds.releaseHold(ctx, req.params.id)),
  );
  app.get(
    "/privacy/disclosures",
    {
      schema: { tags, querystring: DisclosureQuery, response: { 200: DisclosurePage } },
      config: allow("read_disclosures"),
    },
    async (req) => req.run((ctx) => listDisclosures(ctx, req.query)),
  );
  app.post(
    "/privacy/agency-requests",
    {
      schema: { tags, body: AgencyRequestBody, response: { 201: AgencyRelease } },
      config: { ...allow("disclose_to_agency"), reauth: true },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => releaseToAgency(ctx, req.body))),
  );

  // Breach incidents.
  const breach = allow("manage_breaches");
  app.get(
    "/privacy/breaches",
    { schema: { tags, querystring: BreachQuery, response: { 200: BreachPage } }, config: breach },
    async (req) => req.run((ctx) => breaches.listBreaches(ctx, req.query)),
  );
  app.get(
    "/privacy/breaches/clocks",
    { schema: { tags, response: { 200: BreachClocks } }, config: allow("see_breach_clock") },
    async (req) => req.run((ctx) => breaches.breachClocks(ctx)),
  );
  app.post(
    "/privacy/breaches",
    { schema: { tags, body: BreachBody, response: { 201: Breach } }, config: breach },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => breaches.openBreach(ctx, req.body))),
  );
  app.get(
    "/privacy/breaches/:id",
    { schema: { tags, params: IdParams, response: { 200: Breach } }, config: breach },
    async (req) => req.run((ctx) => breaches.getBreach(ctx, req.params.id)),
  );
  app.patch(
    "/privacy/breaches/:id",
    { schema: { tags, params: IdParams, body: BreachPatch, response: { 200: Breach } }, config: breach },
    async (req) => req.run((ctx) => breaches.updateBreach(ctx, req.params.id, req.body)),
  );
  app.get(
    "/privacy/breaches/:id/affected",
    {
      schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: AffectedPage } },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.affectedPeople(ctx, req.params.id, req.query)),
  );
  app.post(
    "/privacy/breaches/:id/containment",
    { schema: { tags, params: IdParams, body: ContainmentBody, response: { 200: Breach } }, config: breach },
    async (req) => req.run((ctx) => breaches.addContainmentStep(ctx, req.params.id, req.body.step)),
  );
  app.get(
    "/privacy/breaches/:id/report.pdf",
    { schema: { tags, params: IdParams }, config: breach },
    async (req, reply) => {
      const pdf = await req.run((ctx) => breaches.breachReport(ctx, req.params.id));
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="bao-cao-su-co-${req.params.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    "/privacy/breaches/:id/authority-notified",
    {
      schema: { tags, params: IdParams, body: AuthorityNotifiedBody, response: { 200: Breach } },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.markAuthorityNotified(ctx, req.params.id, req.body)),
  );
  app.post(
    "/privacy/breaches/:id/notify-residents",
    { schema: { tags, params: IdParams, response: { 200: NotifyResult } }, config: breach },
    async (req) => req.run((ctx) => breaches.notifyAffected(ctx, req.params.id)),
  );

  // Logs, retention, the register and aggregated reports.
  app.get(
    "/privacy/access-logs",
    {
      schema: { tags, querystring: AccessLogQuery, response: { 200: AccessLogPage } },
      config: allow("read_access_logs"),
    },
    async (req) => req.run((ctx) => listAccessLogs(ctx, req.query)),
  );
  app.get(
    "/privacy/retention",
    { schema: { tags, response: { 200: RetentionOverview } }, config: allow("manage_retention") },
    async (req) => req.run((ctx) => retentionOverview(ctx)),
  );
  app.put(
    "/privacy/retention",
    {
      schema: { tags, body: RetentionSettings, response: { 200: RetentionOverview } },
      config: allow("manage_retention"),
    },
    async (req) => req.run((ctx) => saveRetention(ctx, req.body)),
  );
  app.get(
    "/privacy/register",
    { schema: { tags, response: { 200: ProcessingRegister } }, config: allow("read_register") },
    async (req) => req.run((ctx) => processingRegister(ctx)),
  );
  app.get(
    "/privacy/register.pdf",
    { schema: { tags }, config: allow("read_register") },
    async (req, reply) => {
      const pdf = await req.run((ctx) => registerDossier(ctx));
      return reply
        .type("application/pdf")
        .header("content-disposition", 'inline; filename="ho-so-danh-gia-tac-dong.pdf"')
        .send(pdf);
    },
  );
  app.get(
    "/privacy/reports/occupancy",
    {
      schema: { tags, querystring: ReportQuery, response: { 200: OccupancyReport } },
      config: allow("read_reports"),
    },
    async (req) => req.run((ctx) => occupancyReport(ctx, req.query.buildingId)),
  );
  app.get(
    "/privacy/reports/payment-rate",
    {
      schema: { tags, querystring: ReportQuery, response: { 200: PaymentRateReport } },
      config: allow("read_reports"),
    },
    async (req) => req.run((ctx) => paymentRateReport(ctx, req.query.buildingId)),
  );
};
