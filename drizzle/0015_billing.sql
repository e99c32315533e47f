CREATE SEQUENCE "public"."invoice_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "bank_accounts" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"bank_bin" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"is_default" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_accounts_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "bank_accounts_number" UNIQUE("company_id","building_id","bank_bin","account_number")
);
--> statement-breakpoint
CREATE TABLE "bank_transfers" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"external_id" text NOT NULL,
	"gateway" text NOT NULL,
	"account_number" text NOT NULL,
	"amount" bigint NOT NULL,
	"memo" text NOT NULL,
	"bank_reference" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"invoice_id" uuid,
	"payment_id" uuid,
	"resolved_by" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_transfers_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "bank_transfers_external" UNIQUE("company_id","provider","external_id"),
	CONSTRAINT "bank_transfers_status" CHECK ("bank_transfers"."status" in ('matched', 'unmatched', 'ignored'))
);
--> statement-breakpoint
CREATE TABLE "billing_runs" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"redrafted" integer DEFAULT 0 NOT NULL,
	"changed_after_issue" integer DEFAULT 0 NOT NULL,
	"invoices" integer DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "billing_runs_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "billing_runs_period" UNIQUE("company_id","building_id","period"),
	CONSTRAINT "billing_runs_status" CHECK ("billing_runs"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "building_billing" (
	"company_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"fee_frame_min" bigint,
	"fee_frame_max" bigint,
	"due_days" integer DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_billing_company_id_building_id_pk" PRIMARY KEY("company_id","building_id"),
	CONSTRAINT "building_billing_due" CHECK ("building_billing"."due_days" between 0 and 90)
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"company_id" uuid NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_counters_company_id_series_year_pk" PRIMARY KEY("company_id","series","year"),
	CONSTRAINT "document_counters_series" CHECK ("document_counters"."series" in ('notice', 'receipt'))
);
--> statement-breakpoint
CREATE TABLE "fee_rules" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit_type" text,
	"vehicle_type" text,
	"price" bigint,
	"price_next" bigint,
	"tariff_code" text,
	"surcharge_percent" numeric(5, 2),
	"surcharge_name" text,
	"vat_rate" numeric(5, 2) DEFAULT '0' NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_rules_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "fee_rules_kind" CHECK ("fee_rules"."kind" in ('area', 'vehicle', 'fixed', 'electricity', 'water')),
	CONSTRAINT "fee_rules_shape" CHECK (("fee_rules"."kind" in ('electricity', 'water')) = ("fee_rules"."tariff_code" is not null and "fee_rules"."price" is null)),
	CONSTRAINT "fee_rules_price" CHECK ("fee_rules"."price" is null or "fee_rules"."price" >= 0),
	CONSTRAINT "fee_rules_dates" CHECK ("fee_rules"."valid_to" is null or "fee_rules"."valid_to" >= "fee_rules"."valid_from"),
	CONSTRAINT "fee_rules_vat" CHECK ("fee_rules"."vat_rate" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"company_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"kind" text NOT NULL,
	"fee_rule_id" uuid,
	"description" text NOT NULL,
	"quantity" numeric(14, 4) NOT NULL,
	"unit_label" text NOT NULL,
	"unit_price" bigint NOT NULL,
	"days" integer NOT NULL,
	"period_days" integer NOT NULL,
	"amount" bigint NOT NULL,
	"vat_rate" numeric(5, 2) NOT NULL,
	"vat" bigint NOT NULL,
	"on_behalf" boolean DEFAULT false NOT NULL,
	CONSTRAINT "invoice_lines_company_id_invoice_id_line_no_pk" PRIMARY KEY("company_id","invoice_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"kind" text DEFAULT 'monthly' NOT NULL,
	"adjusts" uuid,
	"code" text DEFAULT 'HD' || nextval('invoice_code_seq')::text NOT NULL,
	"number" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"area_m2" numeric(10, 2) NOT NULL,
	"bill_to" text,
	"subtotal" bigint DEFAULT 0 NOT NULL,
	"vat_total" bigint DEFAULT 0 NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	"due_on" date,
	"issued_at" timestamp with time zone,
	"run_id" uuid,
	"e_invoice_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "invoices_code" UNIQUE("company_id","code"),
	CONSTRAINT "invoices_kind" CHECK ("invoices"."kind" in ('monthly', 'adjustment')),
	CONSTRAINT "invoices_status" CHECK ("invoices"."status" in ('draft', 'issued', 'partially_paid', 'paid', 'void')),
	CONSTRAINT "invoices_paid" CHECK ("invoices"."paid" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"previous" bigint NOT NULL,
	"reading" bigint NOT NULL,
	"read_on" date NOT NULL,
	"read_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meter_readings_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "meter_readings_period" UNIQUE("company_id","unit_id","kind","period"),
	CONSTRAINT "meter_readings_kind" CHECK ("meter_readings"."kind" in ('electricity', 'water')),
	CONSTRAINT "meter_readings_order" CHECK ("meter_readings"."reading" >= "meter_readings"."previous" and "meter_readings"."previous" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"company_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_allocations_company_id_payment_id_invoice_id_pk" PRIMARY KEY("company_id","payment_id","invoice_id"),
	CONSTRAINT "payment_allocations_amount" CHECK ("payment_allocations"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"method" text NOT NULL,
	"amount" bigint NOT NULL,
	"reference" text,
	"receipt_number" text,
	"note" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "payments_reference" UNIQUE("company_id","method","reference"),
	CONSTRAINT "payments_method" CHECK ("payments"."method" in ('bank_transfer', 'cash', 'card', 'auto_debit')),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "tariffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"basis" text DEFAULT 'household' NOT NULL,
	"bands" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tariffs_version" UNIQUE("code","valid_from"),
	CONSTRAINT "tariffs_kind" CHECK ("tariffs"."kind" in ('electricity', 'water')),
	CONSTRAINT "tariffs_basis" CHECK ("tariffs"."basis" in ('household', 'person'))
);
--> statement-breakpoint
ALTER TABLE "bank_accounts" ADD CONSTRAINT "bank_accounts_company_id_building_id_buildings_company_id_id_fk" FOREIGN KEY ("company_id","building_id") REFERENCES "public"."buildings"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_billing" ADD CONSTRAINT "building_billing_company_id_building_id_buildings_company_id_id_fk" FOREIGN KEY ("company_id","building_id") REFERENCES "public"."buildings"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_rules" ADD CONSTRAINT "fee_rules_company_id_building_id_buildings_company_id_id_fk" FOREIGN KEY ("company_id","building_id") REFERENCES "public"."buildings"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_company_id_invoice_id_invoices_company_id_id_fk" FOREIGN KEY ("company_id","invoice_id") REFERENCES "public"."invoices"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_company_id_unit_id_units_company_id_id_fk" FOREIGN KEY ("company_id","unit_id") REFERENCES "public"."units"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_company_id_unit_id_units_company_id_id_fk" FOREIGN KEY ("company_id","unit_id") REFERENCES "public"."units"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_company_id_unit_id_units_company_id_id_fk" FOREIGN KEY ("company_id","unit_id") REFERENCES "public"."units"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_accounts_lookup" ON "bank_accounts" USING btree ("account_number");--> statement-breakpoint
CREATE INDEX "bank_transfers_status" ON "bank_transfers" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "fee_rules_building" ON "fee_rules" USING btree ("company_id","building_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_monthly" ON "invoices" USING btree ("company_id","unit_id","period") WHERE "invoices"."kind" = 'monthly';--> statement-breakpoint
CREATE INDEX "invoices_code_lookup" ON "invoices" USING btree ("code");--> statement-breakpoint
CREATE INDEX "invoices_building" ON "invoices" USING btree ("company_id","building_id","period");--> statement-breakpoint
CREATE INDEX "invoices_unit" ON "invoices" USING btree ("company_id","unit_id");--> statement-breakpoint
CREATE INDEX "meter_readings_building" ON "meter_readings" USING btree ("company_id","building_id","period");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice" ON "payment_allocations" USING btree ("company_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payments_unit" ON "payments" USING btree ("company_id","unit_id");