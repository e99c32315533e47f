CREATE TABLE "ticket_counters" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"body" text,
	"internal" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"from_staff" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_events_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "ticket_events_kind" CHECK ("ticket_events"."kind" in ('created', 'status', 'assigned', 'message', 'note', 'rated'))
);
--> statement-breakpoint
CREATE TABLE "ticket_slas" (
	"company_id" uuid NOT NULL,
	"category" text NOT NULL,
	"respond_minutes" integer NOT NULL,
	"resolve_minutes" integer NOT NULL,
	CONSTRAINT "ticket_slas_company_id_category_pk" PRIMARY KEY("company_id","category")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"location" text NOT NULL,
	"location_note" text,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"requester_id" uuid,
	"assigned_to" uuid,
	"conversation_id" uuid,
	"respond_by" timestamp with time zone NOT NULL,
	"resolve_by" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"waited_seconds" integer DEFAULT 0 NOT NULL,
	"rating" smallint,
	"rating_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "tickets_number" UNIQUE("company_id","number"),
	CONSTRAINT "tickets_status" CHECK ("tickets"."status" in ('new', 'acknowledged', 'in_progress', 'waiting', 'resolved', 'closed', 'reopened')),
	CONSTRAINT "tickets_category" CHECK ("tickets"."category" in ('plumbing', 'electricity', 'elevator', 'cleaning', 'security', 'noise', 'billing', 'other')),
	CONSTRAINT "tickets_priority" CHECK ("tickets"."priority" in ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "tickets_location" CHECK ("tickets"."location" in ('unit', 'lobby', 'corridor', 'parking', 'pool', 'elevator', 'other')),
	CONSTRAINT "tickets_rating" CHECK ("tickets"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_purpose";--> statement-breakpoint
CREATE INDEX "ticket_events_timeline" ON "ticket_events" USING btree ("company_id","ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_queue" ON "tickets" USING btree ("company_id","building_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "tickets_assignee" ON "tickets" USING btree ("company_id","assigned_to","status");--> statement-breakpoint
CREATE INDEX "tickets_requester" ON "tickets" USING btree ("company_id","requester_id","created_at");--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_purpose" CHECK ("files"."purpose" in ('announcement', 'conversation', 'ticket'));