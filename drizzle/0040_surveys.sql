CREATE TABLE "survey_responses" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"account_id" uuid,
	"unit_id" uuid,
	"answers" jsonb NOT NULL,
	"answered_on" date DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_tokens" (
	"company_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"token" text NOT NULL,
	CONSTRAINT "survey_tokens_company_id_survey_id_token_pk" PRIMARY KEY("company_id","survey_id","token")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"audience" jsonb NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"one_answer_per" text DEFAULT 'person' NOT NULL,
	"purpose" text DEFAULT 'service' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "surveys_status" CHECK ("surveys"."status" in ('draft', 'open', 'closed')),
	CONSTRAINT "surveys_per" CHECK ("surveys"."one_answer_per" in ('person', 'unit')),
	CONSTRAINT "surveys_purpose" CHECK ("surveys"."purpose" in ('service', 'promotion'))
);
