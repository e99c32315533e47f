CREATE TABLE "guest_passes" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"created_by" uuid,
	"guest_name" text NOT NULL,
	"guests" integer DEFAULT 1 NOT NULL,
	"plate" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"code" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guest_passes_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "parcels" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"carrier" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'waiting' NOT NULL,
	"code" text,
	"received_by" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"picked_up_at" timestamp with time zone,
	"handed_over_by" uuid,
	"collected_by" text,
	CONSTRAINT "parcels_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "parcels_status" CHECK ("parcels"."status" in ('waiting', 'picked_up', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"pass_id" uuid,
	"guest_name" text NOT NULL,
	"guests" integer DEFAULT 1 NOT NULL,
	"plate" text,
	"recorded_by" uuid,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_out_at" timestamp with time zone,
	CONSTRAINT "visits_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_purpose";--> statement-breakpoint
CREATE UNIQUE INDEX "guest_passes_code" ON "guest_passes" USING btree ("company_id","code");--> statement-breakpoint
CREATE INDEX "guest_passes_unit" ON "guest_passes" USING btree ("company_id","unit_id","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "parcels_code" ON "parcels" USING btree ("company_id","building_id","code") WHERE "parcels"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "parcels_unit" ON "parcels" USING btree ("company_id","unit_id","status");--> statement-breakpoint
CREATE INDEX "parcels_desk" ON "parcels" USING btree ("company_id","building_id","status","received_at");--> statement-breakpoint
CREATE INDEX "visits_desk" ON "visits" USING btree ("company_id","building_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "visits_unit" ON "visits" USING btree ("company_id","unit_id","checked_in_at");--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_purpose" CHECK ("files"."purpose" in ('announcement', 'conversation', 'ticket', 'parcel'));