CREATE TABLE "announcement_deliveries" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"announcement_id" uuid NOT NULL,
	"resident_id" uuid,
	"unit_code" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_deliveries_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "announcement_deliveries_channel" CHECK ("announcement_deliveries"."channel" in ('in_app', 'email', 'sms', 'none')),
	CONSTRAINT "announcement_deliveries_status" CHECK ("announcement_deliveries"."status" in ('queued', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "announcement_deliveries_report" ON "announcement_deliveries" USING btree ("company_id","announcement_id","channel","status");