import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, PageQuery } from "../../../contracts/common.js";
import {
  AnswerBody,
  MySurvey,
  MySurveyList,
  SurveyBody,
  SurveyList,
  SurveyListQuery,
  SurveyResults,
} from "../../../contracts/surveys.js";
import * as service from "./surveys.service.js";

const tags = ["surveys"];
/** The management runs surveys where it may announce (checked per building in the service). */
const manage = { permission: ["announce", "building"] } as const;
/** A survey is answered from the person's own inbox: whoever may read their notifications. */
const answer = { permission: ["read", "notification"] } as const;

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/buildings/:id/surveys",
    {
      schema: {
        summary: "Create a survey",
        description:
          "Opens it to its audience at once (default) or keeps a draft; anonymous answers keep no person.",
        tags,
        params: IdParams,
        body: SurveyBody,
        response: { 201: SurveyResults },
      },
      config: manage,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.createSurvey(ctx, req.params.id, req.body))),
  );
  app.get(
    "/surveys",
    {
      schema: {
        summary: "List a building's surveys",
        description: "Newest first, with answer counts.",
        tags,
        querystring: SurveyListQuery,
        response: { 200: SurveyList },
      },
      config: manage,
    },
    async (req) => req.run((ctx) => service.listSurveys(ctx, req.query)),
  );
  app.get(
    "/surveys/:id",
    {
      schema: {
        summary: "A survey's results",
        description: "Per question: counts per option, the scale's average, the texts.",
        tags,
        params: IdParams,
        response: { 200: SurveyResults },
      },
      config: manage,
    },
    async (req) => req.run((ctx) => service.surveyResults(ctx, req.params.id)),
  );
  app.get(
    "/surveys/:id/export",
    {
      schema: {
        summary: "Export a survey's answers",
        description: "CSV, one line per answer, a column per question.",
        tags,
        params: IdParams,
        response: { 200: z.string().describe("CSV") },
      },
      config: manage,
    },
    async (req, reply) => {
      const { filename, csv } = await req.run((ctx) => service.surveyCsv(ctx, req.params.id));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(csv);
    },
  );
  app.post(
    "/surveys/:id/close",
    {
      schema: {
        summary: "Open or close a survey",
        description: "A draft is opened to its audience; an open one is closed.",
        tags,
        params: IdParams,
        response: { 200: SurveyResults },
      },
      config: manage,
    },
    async (req) => req.run((ctx) => service.closeSurvey(ctx, req.params.id)),
  );
  app.get(
    "/me/surveys",
    {
      schema: {
        summary: "My surveys",
        description: "The surveys sent to the signed-in person, with whether they answered.",
        tags,
        querystring: PageQuery,
        response: { 200: MySurveyList },
      },
      config: answer,
    },
    async (req) => req.run((ctx) => service.mySurveys(ctx, req.query)),
  );
  app.get(
    "/me/surveys/:id",
    {
      schema: {
        summary: "One of my surveys",
        description: "Its questions, and whether it was answered.",
        tags,
        params: IdParams,
        response: { 200: MySurvey },
      },
      config: answer,
    },
    async (req) => req.run((ctx) => service.mySurvey(ctx, req.params.id)),
  );
  app.post(
    "/me/surveys/:id/answers",
    {
      schema: {
        summary: "Answer a survey",
        description: "Once per person (or unit); an anonymous answer keeps no person, unit or time.",
        tags,
        params: IdParams,
        body: AnswerBody,
        response: { 201: MySurvey },
      },
      config: answer,
    },
    async (req, reply) =>
      reply.status(201).send(await req.run((ctx) => service.answerSurvey(ctx, req.params.id, req.body))),
  );
};
