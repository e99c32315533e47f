CREATE TABLE "partners" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"legal_name" text NOT NULL,
	"display_name" text NOT NULL,
	"tax_code" text NOT NULL,
	"hotline" text NOT NULL,
	"org_email" text,
	"categories" text[] NOT NULL,
	"building_ids" uuid[] NOT NULL,
	"commission_kind" text NOT NULL,
	"commission_value" integer NOT NULL,
	"bank_bin" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "partners_status" CHECK ("partners"."status" in ('active', 'suspended')),
	CONSTRAINT "partners_commission" CHECK (("partners"."commission_kind" = 'percent' and "partners"."commission_value" between 0 and 10000) or ("partners"."commission_kind" = 'fixed' and "partners"."commission_value" >= 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "partners_tax_code" ON "partners" USING btree ("company_id","tax_code");--> statement-breakpoint
CREATE INDEX "partners_status" ON "partners" USING btree ("company_id","status");