CREATE TABLE "debt_reminders" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debt_reminders_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "debt_reminders_channel" CHECK ("debt_reminders"."channel" in ('email', 'sms'))
);
--> statement-breakpoint
ALTER TABLE "building_billing" ADD COLUMN "late_fee_percent" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "building_billing" ADD COLUMN "reminder_days" integer DEFAULT 7;--> statement-breakpoint
CREATE INDEX "debt_reminders_invoice" ON "debt_reminders" USING btree ("company_id","invoice_id","sent_at");