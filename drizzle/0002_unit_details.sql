ALTER TABLE "units" ADD COLUMN "handover_date" date;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "maintenance_fund_vnd" bigint;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "maintenance_fund_paid_on" date;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "units_floor" ON "units" USING btree ("company_id","building_id","block","floor");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_fund" CHECK ("units"."maintenance_fund_vnd" is null or "units"."maintenance_fund_vnd" >= 0);