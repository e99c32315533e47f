CREATE TABLE "household_members" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"role" text NOT NULL,
	"relation" text,
	"moved_in_on" date,
	"moved_out_on" date,
	"lease_ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "household_members_role" CHECK ("household_members"."role" in ('owner', 'tenant', 'member'))
);
--> statement-breakpoint
CREATE TABLE "personal_data_reveals" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"field" text NOT NULL,
	"actor_account_id" uuid,
	"actor_role" text,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_data_reveals_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"name_search" text NOT NULL,
	"data_key" "bytea",
	"phone_enc" "bytea",
	"phone_bidx" text,
	"email_enc" "bytea",
	"email_bidx" text,
	"date_of_birth_enc" "bytea",
	"id_number_enc" "bytea",
	"nationality" text,
	"preferred_lang" text DEFAULT 'vi' NOT NULL,
	"contact_address" text,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residents_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "residents_lang" CHECK ("residents"."preferred_lang" in ('vi', 'en'))
);
--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_company_id_unit_id_units_company_id_id_fk" FOREIGN KEY ("company_id","unit_id") REFERENCES "public"."units"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_company_id_resident_id_residents_company_id_id_fk" FOREIGN KEY ("company_id","resident_id") REFERENCES "public"."residents"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_active" ON "household_members" USING btree ("company_id","unit_id","resident_id") WHERE "household_members"."moved_out_on" is null;--> statement-breakpoint
CREATE INDEX "household_members_resident" ON "household_members" USING btree ("company_id","resident_id");--> statement-breakpoint
CREATE INDEX "personal_data_reveals_resident" ON "personal_data_reveals" USING btree ("company_id","resident_id");--> statement-breakpoint
CREATE INDEX "residents_phone" ON "residents" USING btree ("company_id","phone_bidx");--> statement-breakpoint
CREATE INDEX "residents_email" ON "residents" USING btree ("company_id","email_bidx");--> statement-breakpoint
CREATE INDEX "residents_name" ON "residents" USING btree ("company_id","name_search");