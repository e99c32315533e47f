CREATE TABLE "amenities" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"rules" text,
	"opens_at" text NOT NULL,
	"closes_at" text NOT NULL,
	"slot_minutes" integer NOT NULL,
	"slot_capacity" integer DEFAULT 1 NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"deposit" bigint DEFAULT 0 NOT NULL,
	"monthly_limit" integer,
	"bookers" text DEFAULT 'household' NOT NULL,
	"advance_days" integer DEFAULT 14 NOT NULL,
	"cancel_hours" integer DEFAULT 24 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amenities_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "amenities_kind" CHECK ("amenities"."kind" in ('pool', 'gym', 'bbq', 'hall', 'tennis', 'other')),
	CONSTRAINT "amenities_bookers" CHECK ("amenities"."bookers" in ('household', 'owners_tenants', 'owners')),
	CONSTRAINT "amenities_slot" CHECK ("amenities"."slot_minutes" between 15 and 1440 and "amenities"."slot_capacity" between 1 and 500),
	CONSTRAINT "amenities_money" CHECK ("amenities"."fee" >= 0 and "amenities"."deposit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "amenity_closures" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"amenity_id" uuid NOT NULL,
	"from" timestamp with time zone NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amenity_closures_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "amenity_closures_range" CHECK ("amenity_closures"."until" > "amenity_closures"."from")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"amenity_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"booked_by" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"seat" integer,
	"status" text NOT NULL,
	"guests" integer DEFAULT 1 NOT NULL,
	"note" text,
	"code" text NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"deposit" bigint DEFAULT 0 NOT NULL,
	"fee_charge_id" uuid,
	"deposit_charge_id" uuid,
	"deposit_status" text,
	"deposit_note" text,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "bookings_status" CHECK ("bookings"."status" in ('booked', 'waiting', 'checked_in', 'cancelled')),
	CONSTRAINT "bookings_seat_held" CHECK (("bookings"."status" in ('booked', 'checked_in')) = ("bookings"."seat" is not null)),
	CONSTRAINT "bookings_deposit_status" CHECK ("bookings"."deposit_status" is null or "bookings"."deposit_status" in ('held', 'refunded', 'kept'))
);
--> statement-breakpoint
CREATE TABLE "unit_charges" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount" bigint NOT NULL,
	"vat_rate" numeric(5, 2) DEFAULT '0' NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"credits" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "unit_charges_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "unit_charges_kind" CHECK ("unit_charges"."kind" in ('amenity_fee', 'deposit', 'deposit_refund', 'service_fee', 'credit'))
);
--> statement-breakpoint
CREATE INDEX "amenities_building" ON "amenities" USING btree ("company_id","building_id");--> statement-breakpoint
CREATE INDEX "amenity_closures_amenity" ON "amenity_closures" USING btree ("company_id","amenity_id","until");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_seat" ON "bookings" USING btree ("company_id","amenity_id","starts_at","seat") WHERE "bookings"."status" in ('booked', 'checked_in');--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_code" ON "bookings" USING btree ("company_id","code");--> statement-breakpoint
CREATE INDEX "bookings_amenity" ON "bookings" USING btree ("company_id","amenity_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_unit" ON "bookings" USING btree ("company_id","unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "unit_charges_period" ON "unit_charges" USING btree ("company_id","building_id","period","unit_id");--> statement-breakpoint
CREATE INDEX "unit_charges_source" ON "unit_charges" USING btree ("company_id","source_id");