CREATE TABLE "building_services" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"fee" bigint DEFAULT 0 NOT NULL,
	"needs_approval" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_services_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "building_services_kind" CHECK ("building_services"."kind" in ('cleaning', 'repair', 'parking_card', 'access_card', 'moving', 'extra_parking', 'other')),
	CONSTRAINT "building_services_fee" CHECK ("building_services"."fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "renovations" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"requested_by" uuid,
	"contractor" text NOT NULL,
	"contractor_phone" text,
	"workers" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"deposit" bigint DEFAULT 0 NOT NULL,
	"deposit_charge_id" uuid,
	"deducted" bigint DEFAULT 0 NOT NULL,
	"deduction_charge_id" uuid,
	"reason" text,
	"inspection_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renovations_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "renovations_status" CHECK ("renovations"."status" in ('requested', 'approved', 'rejected', 'completed', 'cancelled')),
	CONSTRAINT "renovations_dates" CHECK ("renovations"."ends_on" >= "renovations"."starts_on"),
	CONSTRAINT "renovations_money" CHECK ("renovations"."deposit" >= 0 and "renovations"."deducted" between 0 and "renovations"."deposit")
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"requested_by" uuid,
	"status" text DEFAULT 'requested' NOT NULL,
	"preferred_on" date NOT NULL,
	"window" text,
	"scheduled_on" date,
	"scheduled_window" text,
	"elevator" boolean DEFAULT false NOT NULL,
	"note" text,
	"reason" text,
	"fee" bigint DEFAULT 0 NOT NULL,
	"charge_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_requests_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "service_requests_status" CHECK ("service_requests"."status" in ('requested', 'approved', 'scheduled', 'done', 'rejected', 'cancelled')),
	CONSTRAINT "service_requests_window" CHECK (("service_requests"."window" is null or "service_requests"."window" in ('morning', 'afternoon')) and ("service_requests"."scheduled_window" is null or "service_requests"."scheduled_window" in ('morning', 'afternoon'))),
	CONSTRAINT "service_requests_scheduled" CHECK ("service_requests"."status" not in ('scheduled', 'done') or "service_requests"."scheduled_on" is not null)
);
--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_purpose";--> statement-breakpoint
CREATE INDEX "building_services_building" ON "building_services" USING btree ("company_id","building_id");--> statement-breakpoint
CREATE INDEX "renovations_building" ON "renovations" USING btree ("company_id","building_id","status","starts_on");--> statement-breakpoint
CREATE INDEX "renovations_unit" ON "renovations" USING btree ("company_id","unit_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_building" ON "service_requests" USING btree ("company_id","building_id","status","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_unit" ON "service_requests" USING btree ("company_id","unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_elevator" ON "service_requests" USING btree ("company_id","building_id","scheduled_on","scheduled_window") WHERE "service_requests"."elevator" and "service_requests"."status" in ('scheduled', 'done');--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_purpose" CHECK ("files"."purpose" in ('announcement', 'conversation', 'ticket', 'parcel', 'document', 'renovation'));