import { z } from "zod";
import { Audience } from "./announcements.js";
import { PageQuery, page, Uuid } from "./common.js";

const QuestionId = z.string().regex(/^[a-z0-9-]{1,20}$/);
const QuestionText = z.string().trim().min(3).max(300);
const Option = z.string().trim().min(1).max(100);

export const Question = z.discriminatedUnion("kind", [
  z.object({
    id: QuestionId,
    kind: z.enum(["single", "multiple"]),
    text: QuestionText,
    options: z.array(Option).min(2).max(10),
  }),
  z.object({
    id: QuestionId,
    kind: z.literal("scale"),
    text: QuestionText,
    max: z.union([z.literal(5), z.literal(10)]),
  }),
  z.object({ id: QuestionId, kind: z.literal("text"), text: QuestionText }),
]);
export type Question = z.infer<typeof Question>;

export const SurveyStatus = z.enum(["draft", "open", "closed"]);

export const SurveyBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(2000).default(""),
    questions: z.array(Question).min(1).max(20),
    audience: Audience,
    /** Answers kept with no person or unit: a one-way token only stops a second answer. */
    anonymous: z.boolean().default(false),
    oneAnswerPer: z.enum(["person", "unit"]).default("person"),
    /** A service survey rests on the management of the building; a promotional one needs marketing consent. */
    purpose: z.enum(["service", "promotion"]).default("service"),
    closesAt: z.iso.datetime({ offset: true }).optional(),
    action: z.enum(["open", "draft"]).default("open"),
  })
  .refine((s) => new Set(s.questions.map((q) => q.id)).size === s.questions.length, {
    path: ["questions"],
    message: "SURVEY_QUESTION_IDS",
  });

export const Survey = z.object({
  id: Uuid,
  buildingId: Uuid,
  title: z.string(),
  description: z.string(),
  questions: z.array(Question),
  audience: Audience,
  anonymous: z.boolean(),
  oneAnswerPer: z.enum(["person", "unit"]),
  purpose: z.enum(["service", "promotion"]),
  status: SurveyStatus,
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  sent: z.number().int(),
  responses: z.number().int(),
});
export const SurveyList = page(Survey);
export const SurveyListQuery = PageQuery.extend({ buildingId: Uuid });

/** Per question: how many chose each option, the scale's average and spread, or the texts written. */
export const QuestionResult = z.object({
  id: z.string(),
  kind: z.enum(["single", "multiple", "scale", "text"]),
  text: z.string(),
  answered: z.number().int(),
  counts: z.array(z.object({ label: z.string(), count: z.number().int() })),
  average: z.number().nullable(),
  texts: z.array(z.string()),
});
export const SurveyResults = z.object({ survey: Survey, questions: z.array(QuestionResult) });

export const MySurvey = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  questions: z.array(Question),
  anonymous: z.boolean(),
  oneAnswerPer: z.enum(["person", "unit"]),
  status: SurveyStatus,
  closesAt: z.string().nullable(),
  answered: z.boolean(),
});
export const MySurveyList = page(MySurvey);

export const AnswerBody = z.object({
  /** The unit answered for, when the survey takes one answer per unit. */
  unitId: Uuid.optional(),
  answers: z.record(
    QuestionId,
    z.union([z.string().trim().max(2000), z.array(Option).max(10), z.number().int().min(1).max(10)]),
  ),
});
