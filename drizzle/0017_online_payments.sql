CREATE TABLE "autopay_mandates" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"txn_ref" text NOT NULL,
	"token_enc" "bytea",
	"card_masked" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"last_failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "autopay_mandates_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "autopay_mandates_ref" UNIQUE("company_id","txn_ref"),
	CONSTRAINT "autopay_mandates_status" CHECK ("autopay_mandates"."status" in ('pending', 'active', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "gateway_payments" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"txn_ref" text NOT NULL,
	"invoice_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"via" text DEFAULT 'page' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response_code" text,
	"gateway_transaction_no" text,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "gateway_payments_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "gateway_payments_ref" UNIQUE("company_id","txn_ref"),
	CONSTRAINT "gateway_payments_status" CHECK ("gateway_payments"."status" in ('pending', 'paid', 'failed')),
	CONSTRAINT "gateway_payments_via" CHECK ("gateway_payments"."via" in ('page', 'autopay'))
);
--> statement-breakpoint
CREATE INDEX "autopay_mandates_lookup" ON "autopay_mandates" USING btree ("txn_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "autopay_mandates_active" ON "autopay_mandates" USING btree ("company_id","unit_id") WHERE "autopay_mandates"."status" = 'active';--> statement-breakpoint
CREATE INDEX "gateway_payments_lookup" ON "gateway_payments" USING btree ("txn_ref");--> statement-breakpoint
CREATE INDEX "gateway_payments_invoice" ON "gateway_payments" USING btree ("company_id","invoice_id");