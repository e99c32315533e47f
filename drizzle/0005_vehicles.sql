CREATE TABLE "vehicles" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"type" text NOT NULL,
	"plate_enc" "bytea",
	"plate_bidx" text,
	"colour" text,
	"brand" text,
	"parking_card" text,
	"status" text DEFAULT 'active' NOT NULL,
	"active_from" date,
	"active_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vehicles_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "vehicles_type" CHECK ("vehicles"."type" in ('car', 'motorbike', 'electric_motorbike', 'bicycle', 'electric_car')),
	CONSTRAINT "vehicles_status" CHECK ("vehicles"."status" in ('pending', 'active', 'inactive'))
);
--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_company_id_unit_id_units_company_id_id_fk" FOREIGN KEY ("company_id","unit_id") REFERENCES "public"."units"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_company_id_resident_id_residents_company_id_id_fk" FOREIGN KEY ("company_id","resident_id") REFERENCES "public"."residents"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_plate_active" ON "vehicles" USING btree ("company_id","building_id","plate_bidx") WHERE "vehicles"."status" <> 'inactive' and "vehicles"."plate_bidx" is not null;--> statement-breakpoint
CREATE INDEX "vehicles_unit" ON "vehicles" USING btree ("company_id","unit_id");