import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { PageQuery } from "../../../contracts/common.js";
import type { AnswerBody, Question, SurveyBody, SurveyListQuery } from "../../../contracts/surveys.js";
import { audit, nothingToAudit } from "../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { pageOf } from "../../platform/db/paging.js";
import { errors } from "../../platform/errors.js";
import { csvFile } from "../../platform/spreadsheet/csv.js";
import { reachOf } from "../announcements/index.js";
import { buildingPolicy, loadBuilding } from "../buildings/index.js";
import { mySources, notify } from "../notifications/index.js";
import { surveyResponses, surveys, surveyTokens } from "./surveys.table.js";
import { surveyTemplates } from "./surveys.templates.js";

type Row = typeof surveys.$inferSelect;
type Answers = z.infer<typeof AnswerBody>["answers"];

async function buildingToSurvey(ctx: Ctx, buildingId: string) {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, "announce", subject(buildingPolicy, building));
}

async function loadSurvey(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.companyId, ctx.companyId), eq(surveys.id, id)));
  if (!row) throw errors.notFound("resource");
  return row;
}

async function responseCounts(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await ctx.tx
    .select({ id: surveyResponses.surveyId, n: count() })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.companyId, ctx.companyId), inArray(surveyResponses.surveyId, ids)))
    .groupBy(surveyResponses.surveyId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

const view = (row: Row, responses: number) => ({
  id: row.id,
  buildingId: row.buildingId,
  title: row.title,
  description: row.description,
  questions: row.questions,
  audience: row.audience,
  anonymous: row.anonymous,
  oneAnswerPer: row.oneAnswerPer as "person" | "unit",
  purpose: row.purpose as "service" | "promotion",
  status: row.status as "draft" | "open" | "closed",
  opensAt: row.opensAt?.toISOString() ?? null,
  closesAt: row.closesAt?.toISOString() ?? null,
  sent: row.sent,
  responses,
});

/**
 * Opens a survey: each person of its audience with an account (answers are given in the app) is asked through
 * the notification service; a promotional one only with marketing consent.
 */
async function open(ctx: Ctx, row: Row) {
  const reach = await reachOf(
    ctx,
    row.buildingId,
    row.audience,
    row.purpose === "promotion" ? "promotion" : "notice",
  );
  const asked = reach.recipients.filter((r) => r.accountId);
  await ctx.tx
    .update(surveys)
    .set({ status: "open", opensAt: new Date(), sent: asked.length })
    .where(and(eq(surveys.companyId, ctx.companyId), eq(surveys.id, row.id)));
  await notify(
    ctx,
    asked,
    surveyTemplates[row.purpose === "promotion" ? "promotion" : "service"],
    { title: row.title, description: row.description },
    { inbox: "survey", link: `/app/surveys/${row.id}`, sourceId: row.id },
  );
  await audit(ctx, {
    action: "survey.open",
    entity: "survey",
    entityId: row.id,
    changes: { sent: asked.length },
  });
}

export async function createSurvey(ctx: Ctx, buildingId: string, body: z.infer<typeof SurveyBody>) {
  await buildingToSurvey(ctx, buildingId);
  const closesAt = body.closesAt ? new Date(body.closesAt) : null;
  if (closesAt && closesAt.getTime() <= Date.now())
    throw errors.validation({ closesAt: "SURVEY_CLOSES_PAST" });
  const row = await insertOne(
    ctx.tx
      .insert(surveys)
      .values({
        companyId: ctx.companyId,
        buildingId,
        title: body.title,
        description: body.description,
        questions: body.questions,
        audience: body.audience,
        anonymous: body.anonymous,
        oneAnswerPer: body.oneAnswerPer,
        purpose: body.purpose,
        closesAt,
        createdBy: ctx.actor.accountId,
      })
      .returning(),
  );
  await audit(ctx, {
    action: "survey.create",
    entity: "survey",
    entityId: row.id,
    changes: { title: row.title },
  });
  if (body.action === "open") await open(ctx, row);
  return surveyResults(ctx, row.id);
}

export async function closeSurvey(ctx: Ctx, id: string) {
  const row = await loadSurvey(ctx, id);
  await buildingToSurvey(ctx, row.buildingId);
  if (row.status === "draft") await open(ctx, row);
  else if (row.status === "open") {
    await ctx.tx
      .update(surveys)
      .set({ status: "closed", closesAt: new Date() })
      .where(and(eq(surveys.companyId, ctx.companyId), eq(surveys.id, id)));
    await audit(ctx, { action: "survey.close", entity: "survey", entityId: id });
  }
  return surveyResults(ctx, id);
}

export async function listSurveys(ctx: Ctx, q: z.infer<typeof SurveyListQuery>) {
  await buildingToSurvey(ctx, q.buildingId);
  const where = and(eq(surveys.companyId, ctx.companyId), eq(surveys.buildingId, q.buildingId));
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(surveys)
          .where(where)
          .orderBy(desc(surveys.createdAt), desc(surveys.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(surveys).where(where),
    },
    (row) => row,
  );
  const counts = await responseCounts(
    ctx,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r) => view(r, counts.get(r.id) ?? 0)) };
}

/** A question's figures from the answers given. */
function resultOf(question: Question, answers: Answers[]) {
  const given = answers.map((a) => a[question.id]).filter((v) => v !== undefined && v !== "");
  const base = { id: question.id, kind: question.kind, text: question.text, answered: given.length };
  if (question.kind === "single" || question.kind === "multiple") {
    const chosen = given.flatMap((v) => (Array.isArray(v) ? v : [String(v)]));
    return {
      ...base,
      counts: question.options.map((label) => ({ label, count: chosen.filter((c) => c === label).length })),
      average: null,
      texts: [],
    };
  }
  if (question.kind === "scale") {
    const values = given.map(Number);
    const counts = Array.from({ length: question.max }, (_, i) => ({
      label: String(i + 1),
      count: values.filter((v) => v === i + 1).length,
    }));
    const average = values.length
      ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100
      : null;
    return { ...base, counts, average, texts: [] };
  }
  return { ...base, counts: [], average: null, texts: given.map(String) };
}

/** The survey with its results per question, for the management. */
export async function surveyResults(ctx: Ctx, id: string) {
  const row = await loadSurvey(ctx, id);
  await buildingToSurvey(ctx, row.buildingId);
  const rows = await ctx.tx
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.companyId, ctx.companyId), eq(surveyResponses.surveyId, id)));
  const answers = rows.map((r) => r.answers);
  return { survey: view(row, answers.length), questions: row.questions.map((q) => resultOf(q, answers)) };
}

/** The results as CSV (one line per answer, a column per question), for a spreadsheet. */
export async function surveyCsv(ctx: Ctx, id: string): Promise<{ filename: string; csv: string }> {
  const row = await loadSurvey(ctx, id);
  await buildingToSurvey(ctx, row.buildingId);
  const rows = await ctx.tx
    .select({ answers: surveyResponses.answers, on: surveyResponses.answeredOn })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.companyId, ctx.companyId), eq(surveyResponses.surveyId, id)));
  const csv = csvFile([
    ["answered_on", ...row.questions.map((q) => q.text)],
    ...rows.map((r) => [r.on, ...row.questions.map((q) => r.answers[q.id])]),
  ]);
  await audit(ctx, {
    action: "survey.export",
    entity: "survey",
    entityId: id,
    changes: { rows: rows.length },
  });
  return { filename: `khao-sat-${id.slice(0, 8)}.csv`, csv };
}

/** Who may answer a survey: whom it was sent to (their inbox holds its message). */
async function sentToMe(ctx: Ctx, id: string) {
  const sources = await mySources(ctx, "survey");
  if (!sources.has(id)) throw errors.notFound("resource");
  const row = await loadSurvey(ctx, id);
  if (row.status === "draft") throw errors.notFound("resource");
  return row;
}

/** The one-way token of a person's (or unit's) answer to a survey: keyed, so it cannot be guessed from ids. */
const tokenOf = (ctx: Ctx, row: Row, unitId?: string) =>
  ctx.platform.keyring.blindIndex(
    "survey",
    `${row.id}:${row.oneAnswerPer === "unit" ? `unit:${unitId}` : `person:${ctx.actor.accountId}`}`,
  );

async function hasAnswered(ctx: Ctx, row: Row, unitIds: readonly string[]) {
  const tokens = row.oneAnswerPer === "unit" ? unitIds.map((u) => tokenOf(ctx, row, u)) : [tokenOf(ctx, row)];
  if (tokens.length === 0) return false;
  const found = await ctx.tx
    .select({ token: surveyTokens.token })
    .from(surveyTokens)
    .where(
      and(
        eq(surveyTokens.companyId, ctx.companyId),
        eq(surveyTokens.surveyId, row.id),
        inArray(surveyTokens.token, tokens),
      ),
    );
  // Per unit: answered once every unit of the person's has (a resident of two units answers for each).
  return row.oneAnswerPer === "unit" ? found.length === tokens.length : found.length > 0;
}

const mine = async (ctx: Ctx, row: Row) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  questions: row.questions,
  anonymous: row.anonymous,
  oneAnswerPer: row.oneAnswerPer as "person" | "unit",
  status: row.status as "draft" | "open" | "closed",
  closesAt: row.closesAt?.toISOString() ?? null,
  answered: await hasAnswered(ctx, row, ctx.actor.unitIds),
});

/** The surveys sent to the signed-in person, newest first, with whether they answered. */
export async function mySurveys(ctx: Ctx, q: PageQuery) {
  nothingToAudit(ctx);
  const ids = [...(await mySources(ctx, "survey")).keys()];
  if (ids.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = and(
    eq(surveys.companyId, ctx.companyId),
    inArray(surveys.id, ids),
    inArray(surveys.status, ["open", "closed"]),
  );
  const page = await pageOf(
    q,
    {
      rows: (limit, offset) =>
        ctx.tx
          .select()
          .from(surveys)
          .where(where)
          .orderBy(desc(surveys.opensAt), desc(surveys.id))
          .limit(limit)
          .offset(offset),
      total: ctx.tx.select({ n: count() }).from(surveys).where(where),
    },
    (row) => row,
  );
  return { ...page, items: await Promise.all(page.items.map((row) => mine(ctx, row))) };
}

export async function mySurvey(ctx: Ctx, id: string) {
  nothingToAudit(ctx);
  return mine(ctx, await sentToMe(ctx, id));
}

/** Checks each answer against its question: every choice and scale question answered, texts optional. */
function checkAnswers(questions: Question[], answers: Answers) {
  const fields: Record<string, "SURVEY_ANSWER_REQUIRED" | "SURVEY_ANSWER_INVALID"> = {};
  for (const q of questions) {
    const a = answers[q.id];
    const key = `answers.${q.id}`;
    if (q.kind === "text") {
      if (a !== undefined && typeof a !== "string") fields[key] = "SURVEY_ANSWER_INVALID";
    } else if (a === undefined || a === "" || (Array.isArray(a) && a.length === 0))
      fields[key] = "SURVEY_ANSWER_REQUIRED";
    else if (q.kind === "single" && !(typeof a === "string" && q.options.includes(a)))
      fields[key] = "SURVEY_ANSWER_INVALID";
    else if (
      q.kind === "multiple" &&
      !(Array.isArray(a) && a.every((o) => q.options.includes(o)) && new Set(a).size === a.length)
    )
      fields[key] = "SURVEY_ANSWER_INVALID";
    else if (q.kind === "scale" && !(typeof a === "number" && a >= 1 && a <= q.max))
      fields[key] = "SURVEY_ANSWER_INVALID";
  }
  for (const id of Object.keys(answers))
    if (!questions.some((q) => q.id === id)) fields[`answers.${id}`] = "SURVEY_ANSWER_INVALID";
  if (Object.keys(fields).length > 0) throw errors.validation(fields);
}

/**
 * Records an answer, once per person (or unit). An anonymous one is stored with no account, no unit and no
 * time, its token apart; nothing about it goes in the audit log either.
 */
export async function answerSurvey(ctx: Ctx, id: string, body: z.infer<typeof AnswerBody>) {
  const row = await sentToMe(ctx, id);
  if (row.status !== "open" || (row.closesAt && row.closesAt.getTime() <= Date.now()))
    throw errors.inUse("SURVEY_CLOSED");
  if (row.oneAnswerPer === "unit" && !(body.unitId && ctx.actor.unitIds.includes(body.unitId)))
    throw errors.validation({ unitId: "SURVEY_UNIT_REQUIRED" });
  checkAnswers(row.questions, body.answers);
  const inserted = await ctx.tx
    .insert(surveyTokens)
    .values({ companyId: ctx.companyId, surveyId: id, token: tokenOf(ctx, row, body.unitId) })
    .onConflictDoNothing()
    .returning({ token: surveyTokens.token });
  if (inserted.length === 0) throw errors.inUse("SURVEY_ANSWERED");
  await ctx.tx.insert(surveyResponses).values({
    companyId: ctx.companyId,
    surveyId: id,
    accountId: row.anonymous ? null : ctx.actor.accountId,
    unitId: row.anonymous ? null : (body.unitId ?? null),
    answers: body.answers,
  });
  if (row.anonymous) nothingToAudit(ctx);
  else await audit(ctx, { action: "survey.answer", entity: "survey", entityId: id });
  return mine(ctx, row);
}
