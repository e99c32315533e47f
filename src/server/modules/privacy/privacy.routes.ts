import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileAnswer, IdParams, NoContent, PageQuery } from "../../../contracts/common.js";
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
import { correctOwnRecord, residentIdsOfAccount } from "../registry/index.js";
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
      schema: {
        summary: "Current policy text",
        description: "The privacy policy or terms in force, in the caller's language. Public.",
        tags,
        params: PolicyKindParams,
        querystring: PolicyQuery,
        response: { 200: Policy },
      },
      config: { auth: "public" },
    },
    async (req) =>
      req.run((ctx) => policies.publicPolicy(ctx, req.params.kind, req.query.companyId, req.query.version)),
  );
  app.get(
    "/public/policies/:kind/versions",
    {
      schema: {
        summary: "Policy versions",
        description: "Every published version of the privacy policy or terms. Public.",
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
    {
      schema: {
        summary: "Policies to acknowledge",
        description: "New policy versions the person has not acknowledged yet.",
        tags,
        response: { 200: PendingPolicies },
      },
      config: own,
    },
    async (req) => req.run((ctx) => policies.pendingPolicies(ctx)),
  );
  app.post(
    "/privacy/policies/acknowledge",
    {
      schema: {
        summary: "Acknowledge a policy",
        description: "Records that the person read the version shown.",
        response: { 204: NoContent },
        tags,
        body: AcknowledgeBody,
      },
      config: own,
    },
    async (req, reply) => {
      await req.run((ctx) => policies.acknowledge(ctx, req.body.policyId));
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/privacy/policies",
    {
      schema: {
        summary: "List policies (admin)",
        description: "The company's policy versions, published and drafts.",
        tags,
        response: { 200: PolicyVersionList },
      },
      config: allow("publish_policy"),
    },
    async (req) => req.run((ctx) => policies.policyVersions(ctx, ["privacy", "terms"])),
  );
  app.post(
    "/privacy/policies",
    {
      schema: {
        summary: "Publish a policy",
        description:
          "Publishes a new version of the privacy policy or terms (vi and en); people are asked to acknowledge it.",
        tags,
        body: PublishPolicyBody,
        response: { 201: Policy },
      },
      config: allow("publish_policy"),
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => policies.publishPolicy(ctx, req.body))),
  );

  // The person's own data and consents.
  app.get(
    "/privacy/consents",
    {
      schema: {
        summary: "My consents",
        description:
          "The person's consent per purpose based on consent (marketing, analytics), with its history.",
        tags,
        response: { 200: ConsentOverview },
      },
      config: own,
    },
    async (req) => req.run((ctx) => consentOverview(ctx)),
  );
  app.post(
    "/privacy/consents",
    {
      schema: {
        summary: "Give or withdraw consent",
        description:
          "Gives or withdraws consent for one purpose, recording when, how and under which policy version.",
        tags,
        body: ConsentBody,
        response: { 200: ConsentOverview },
      },
      config: own,
    },
    async (req) => req.run((ctx) => setConsent(ctx, req.body)),
  );
  app.get(
    "/my/data",
    {
      schema: {
        summary: "My data",
        description:
          "Everything the company holds about the person, by purpose, with disclosures to partners.",
        tags,
        response: { 200: MyData },
      },
      config: own,
    },
    async (req) => req.run((ctx) => myData(ctx)),
  );
  app.patch(
    "/my/data/:residentId",
    {
      schema: {
        summary: "Correct my data",
        description: "Corrects the person's own fields (name, contacts, date of birth).",
        tags,
        params: ResidentIdParams,
        body: MyRecordPatch,
        response: { 200: MyData },
      },
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
    {
      schema: {
        summary: "Export my data",
        description:
          "Prepares a copy of the person's data (JSON or HTML) and answers a download link valid for a short time.",
        tags,
        body: DataExportBody,
        response: { 201: DataExportLink },
      },
      config: own,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => createExport(ctx, req.body.format))),
  );
  app.get(
    "/privacy/exports/:token",
    {
      schema: {
        response: {
          200: fileAnswer("application/octet-stream", "The copy of the data (JSON or HTML, as asked)"),
        },
        summary: "Download an export",
        description: "The prepared copy of the person's data, while its link is valid.",
        tags,
        params: TokenParams,
      },
      config: own,
    },
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
    {
      schema: {
        summary: "Lift my restriction",
        description: "Ends the restriction of processing the person asked for.",
        response: { 204: NoContent },
        tags,
        body: ResidentIdParams,
      },
      config: own,
    },
    async (req, reply) => {
      await req.run(async (ctx) => {
        const mine = ctx.actor.accountId ? await residentIdsOfAccount(ctx, ctx.actor.accountId) : [];
        if (!mine.includes(req.body.residentId)) throw errors.notFound("resident");
        await requests.liftRestriction(ctx, req.body.residentId);
      });
      return reply.status(204).send(null);
    },
  );

  // Data-subject requests.
  app.get(
    "/privacy/requests",
    {
      schema: {
        summary: "List data requests",
        description: "Data-subject requests: staff see the company's, a resident their own.",
        tags,
        querystring: PrivacyRequestQuery,
        response: { 200: PrivacyRequestPage },
      },
      config: own,
    },
    async (req) => req.run((ctx) => requests.listRequests(ctx, req.query)),
  );
  app.get(
    "/privacy/requests/:id",
    {
      schema: {
        summary: "A data request",
        description: "The request with its timeline, deadline and outcome.",
        tags,
        params: IdParams,
        response: { 200: PrivacyRequest },
      },
      config: own,
    },
    async (req) => req.run((ctx) => requests.getRequest(ctx, req.params.id)),
  );
  app.post(
    "/privacy/requests",
    {
      schema: {
        summary: "Make a data request",
        description:
          "Asks to see, correct, copy, restrict, object or erase; staff may file one for a resident after checking their identity.",
        tags,
        body: PrivacyRequestBody,
        response: { 201: PrivacyRequest },
      },
      config: own,
    },
    async (req, reply) => {
      const result = await req.run((ctx) => requests.createRequest(ctx, req.body));
      if ("failure" in result) throw result.failure;
      return reply.status(201).send(result.request);
    },
  );
  app.post(
    "/privacy/requests/:id/cancel",
    {
      schema: {
        summary: "Cancel a data request",
        description: "Cancels a request that is still open (erasure: within its cancellation window).",
        tags,
        params: IdParams,
        response: { 200: PrivacyRequest },
      },
      config: own,
    },
    async (req) => req.run((ctx) => requests.cancelRequest(ctx, req.params.id)),
  );
  const handle = allow("handle_requests");
  app.post(
    "/privacy/requests/:id/take",
    {
      schema: {
        summary: "Take a data request",
        description: "Assigns the request to the caller.",
        tags,
        params: IdParams,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.takeRequest(ctx, req.params.id)),
  );
  app.post(
    "/privacy/requests/:id/notes",
    {
      schema: {
        summary: "Add a note",
        description: "Adds a note to the request's timeline.",
        tags,
        params: IdParams,
        body: RequestNoteBody,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.noteRequest(ctx, req.params.id, req.body.note)),
  );
  app.post(
    "/privacy/requests/:id/complete",
    {
      schema: {
        summary: "Complete a data request",
        description: "Completes the request (erasure runs, with the holds that apply).",
        tags,
        params: IdParams,
        body: RequestResolveBody,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.completeRequest(ctx, req.params.id, req.body.resolution)),
  );
  app.post(
    "/privacy/requests/:id/reject",
    {
      schema: {
        summary: "Reject a data request",
        description: "Rejects the request with a reason shown to the person.",
        tags,
        params: IdParams,
        body: RequestResolveBody,
        response: { 200: PrivacyRequest },
      },
      config: handle,
    },
    async (req) => req.run((ctx) => requests.rejectRequest(ctx, req.params.id, req.body.resolution)),
  );
  app.post(
    "/privacy/identity-checks",
    {
      schema: {
        summary: "Check a resident's identity",
        description:
          "Sends a verification code to the resident, to be read back to customer care before filing a request for them.",
        tags,
        body: IdentityCheckBody,
        response: { 201: IdentityCheck },
      },
      config: handle,
    },
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
        summary: "List legal holds",
        description: "Open disputes that keep a person's data from erasure.",
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
    {
      schema: {
        summary: "Place a legal hold",
        description: "Keeps a person's data while a dispute is open.",
        tags,
        body: LegalHoldBody,
        response: { 201: LegalHold },
      },
      config: allow("place_holds"),
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => holds.placeHold(ctx, req.body))),
  );
  app.post(
    "/privacy/legal-holds/:id/release",
    {
      schema: {
        summary: "Release a legal hold",
        description: "Ends the hold; pending erasures then finish.",
        tags,
        params: IdParams,
        response: { 200: LegalHold },
      },
      config: allow("place_holds"),
    },
    async (req) => req.run((ctx) => holds.releaseHold(ctx, req.params.id)),
  );
  app.get(
    "/privacy/disclosures",
    {
      schema: {
        summary: "Disclosure log",
        description:
          "Every release of personal data to partners, agencies or staff outside the building: what, to whom, why, on what basis.",
        tags,
        querystring: DisclosureQuery,
        response: { 200: DisclosurePage },
      },
      config: allow("read_disclosures"),
    },
    async (req) => req.run((ctx) => listDisclosures(ctx, req.query)),
  );
  app.post(
    "/privacy/agency-requests",
    {
      schema: {
        summary: "Release data to an agency",
        description:
          "Releases the fields a state agency asked for, recording the legal basis in the disclosure log.",
        tags,
        body: AgencyRequestBody,
        response: { 201: AgencyRelease },
      },
      config: { ...allow("disclose_to_agency"), reauth: true },
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => releaseToAgency(ctx, req.body))),
  );

  // Breach incidents.
  const breach = allow("manage_breaches");
  app.get(
    "/privacy/breaches",
    {
      schema: {
        summary: "List breach incidents",
        description: "The company's data breach incidents with their 72-hour clocks.",
        tags,
        querystring: BreachQuery,
        response: { 200: BreachPage },
      },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.listBreaches(ctx, req.query)),
  );
  app.get(
    "/privacy/breaches/clocks",
    {
      schema: {
        summary: "Breach clocks",
        description: "Open incidents and the time left to notify the authority and the people affected.",
        tags,
        response: { 200: BreachClocks },
      },
      config: allow("see_breach_clock"),
    },
    async (req) => req.run((ctx) => breaches.breachClocks(ctx)),
  );
  app.post(
    "/privacy/breaches",
    {
      schema: {
        summary: "Open a breach incident",
        description:
          "Registers an incident with its detection time, scope and severity; the people affected are fixed now.",
        tags,
        body: BreachBody,
        response: { 201: Breach },
      },
      config: breach,
    },
    async (req, reply) => reply.status(201).send(await req.run((ctx) => breaches.openBreach(ctx, req.body))),
  );
  app.get(
    "/privacy/breaches/:id",
    {
      schema: {
        summary: "A breach incident",
        description: "The incident with its clock, containment steps and notices.",
        tags,
        params: IdParams,
        response: { 200: Breach },
      },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.getBreach(ctx, req.params.id)),
  );
  app.patch(
    "/privacy/breaches/:id",
    {
      schema: {
        summary: "Change a breach incident",
        description: "Updates the description, severity or scope of an open incident.",
        tags,
        params: IdParams,
        body: BreachPatch,
        response: { 200: Breach },
      },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.updateBreach(ctx, req.params.id, req.body)),
  );
  app.get(
    "/privacy/breaches/:id/affected",
    {
      schema: {
        summary: "People affected",
        description: "The people and fields the incident affects.",
        tags,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: AffectedPage },
      },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.affectedPeople(ctx, req.params.id, req.query)),
  );
  app.post(
    "/privacy/breaches/:id/containment",
    {
      schema: {
        summary: "Record a containment step",
        description: "Adds what was done to contain the incident.",
        tags,
        params: IdParams,
        body: ContainmentBody,
        response: { 200: Breach },
      },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.addContainmentStep(ctx, req.params.id, req.body.step)),
  );
  app.get(
    "/privacy/breaches/:id/report.pdf",
    {
      schema: {
        response: { 200: fileAnswer("application/pdf", "The report to the authority") },
        summary: "Report to the authority",
        description:
          "The notification to the Ministry of Public Security's cybersecurity department, as PDF.",
        tags,
        params: IdParams,
      },
      config: breach,
    },
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
      schema: {
        summary: "Record the authority notice",
        description: "Records when the authority was notified.",
        tags,
        params: IdParams,
        body: AuthorityNotifiedBody,
        response: { 200: Breach },
      },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.markAuthorityNotified(ctx, req.params.id, req.body)),
  );
  app.post(
    "/privacy/breaches/:id/notify-residents",
    {
      schema: {
        summary: "Notify the people affected",
        description: "Sends the breach notice to every person affected and records it.",
        tags,
        params: IdParams,
        response: { 200: NotifyResult },
      },
      config: breach,
    },
    async (req) => req.run((ctx) => breaches.notifyAffected(ctx, req.params.id)),
  );

  // Logs, retention, the register and aggregated reports.
  app.get(
    "/privacy/access-logs",
    {
      schema: {
        summary: "Access logs",
        description: "Requests to the API (path, time, person, IP), kept for the retention period.",
        tags,
        querystring: AccessLogQuery,
        response: { 200: AccessLogPage },
      },
      config: allow("read_access_logs"),
    },
    async (req) => req.run((ctx) => listAccessLogs(ctx, req.query)),
  );
  app.get(
    "/privacy/retention",
    {
      schema: {
        summary: "Retention settings",
        description: "How long access logs and other records are kept, with the last purge.",
        tags,
        response: { 200: RetentionOverview },
      },
      config: allow("manage_retention"),
    },
    async (req) => req.run((ctx) => retentionOverview(ctx)),
  );
  app.put(
    "/privacy/retention",
    {
      schema: {
        summary: "Change retention settings",
        description: "Sets the retention periods.",
        tags,
        body: RetentionSettings,
        response: { 200: RetentionOverview },
      },
      config: allow("manage_retention"),
    },
    async (req) => req.run((ctx) => saveRetention(ctx, req.body)),
  );
  app.get(
    "/privacy/register",
    {
      schema: {
        summary: "Processing register",
        description: "The company's register of processing: purposes, fields, bases, retention, recipients.",
        tags,
        response: { 200: ProcessingRegister },
      },
      config: allow("read_register"),
    },
    async (req) => req.run((ctx) => processingRegister(ctx)),
  );
  app.get(
    "/privacy/register.pdf",
    {
      schema: {
        response: { 200: fileAnswer("application/pdf", "The register and impact assessment") },
        summary: "Impact assessment dossier",
        description: "The register and impact assessment as PDF.",
        tags,
      },
      config: allow("read_register"),
    },
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
      schema: {
        summary: "Occupancy report",
        description:
          "Residents per building and block, small cells suppressed (k = 5), for sharing outside the company.",
        tags,
        querystring: ReportQuery,
        response: { 200: OccupancyReport },
      },
      config: allow("read_reports"),
    },
    async (req) => req.run((ctx) => occupancyReport(ctx, req.query.buildingId)),
  );
  app.get(
    "/privacy/reports/payment-rate",
    {
      schema: {
        summary: "Payment rate report",
        description: "Collection rates per building and period, small cells suppressed (k = 5).",
        tags,
        querystring: ReportQuery,
        response: { 200: PaymentRateReport },
      },
      config: allow("read_reports"),
    },
    async (req) => req.run((ctx) => paymentRateReport(ctx, req.query.buildingId)),
  );
};
