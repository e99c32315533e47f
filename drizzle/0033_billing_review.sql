CREATE TABLE "billing_reviews" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"period" text NOT NULL,
	"drafts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_reviews_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "meter_readings" jsonb;--> statement-breakpoint
CREATE INDEX "billing_reviews_period" ON "billing_reviews" USING btree ("company_id","building_id","period","created_at");