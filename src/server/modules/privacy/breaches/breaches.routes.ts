import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { fileAnswer, IdParams, PageQuery } from "../../../../contracts/common.js";
import {
  AffectedPage,
  AuthorityNotifiedBody,
  Breach,
  BreachBody,
  BreachClocks,
  BreachPage,
  BreachPatch,
  BreachQuery,
  ContainmentBody,
  NotifyResult,
} from "../../../../contracts/privacy.js";
import { allow } from "../privacy.policy.js";
import * as breaches from "./breaches.service.js";

export const breachRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["privacy"];

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
};
