import { sql } from "drizzle-orm";
import { boolean, check, date, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { Audience } from "../../../contracts/announcements.js";
import type { Question } from "../../../contracts/surveys.js";
import { companyId, createdAt, id, tstz } from "../../platform/db/columns.js";

/** A survey of a building's residents (khảo sát): its questions, audience, and whether answers are anonymous. */
export const surveys = pgTable(
  "surveys",
  {
    companyId: companyId(),
    id: id(),
    buildingId: uuid("building_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    questions: jsonb("questions").$type<Question[]>().notNull(),
    audience: jsonb("audience").$type<Audience>().notNull(),
    anonymous: boolean("anonymous").notNull().default(false),
    oneAnswerPer: text("one_answer_per").notNull().default("person"),
    purpose: text("purpose").notNull().default("service"),
    status: text("status").notNull().default("draft"),
    sent: integer("sent").notNull().default(0),
    opensAt: tstz("opens_at"),
    closesAt: tstz("closes_at"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    check("surveys_status", sql`${t.status} in ('draft', 'open', 'closed')`),
    check("surveys_per", sql`${t.oneAnswerPer} in ('person', 'unit')`),
    check("surveys_purpose", sql`${t.purpose} in ('service', 'promotion')`),
  ],
);

/**
 * One answer. An anonymous survey's answer holds no account and no unit, and only the day it was given (a time
 * could be matched with the access log's): nothing in the database leads from it to a person.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    companyId: companyId(),
    id: id(),
    surveyId: uuid("survey_id").notNull(),
    accountId: uuid("account_id"),
    unitId: uuid("unit_id"),
    answers: jsonb("answers").$type<Record<string, string | string[] | number>>().notNull(),
    answeredOn: date("answered_on").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.id] })],
);

/**
 * Who (or which unit) has answered, as a one-way keyed hash of the survey and the person or unit, apart from the
 * answers and with no time: it stops a second answer and says nothing of which answer was theirs.
 */
export const surveyTokens = pgTable(
  "survey_tokens",
  {
    companyId: companyId(),
    surveyId: uuid("survey_id").notNull(),
    token: text("token").notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.surveyId, t.token] })],
);
