CREATE TABLE "access_cards" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"deactivated_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_cards_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "access_cards_kind" CHECK ("access_cards"."kind" in ('access', 'elevator'))
);
--> statement-breakpoint
ALTER TABLE "access_cards" ADD CONSTRAINT "access_cards_company_id_unit_id_units_company_id_id_fk" FOREIGN KEY ("company_id","unit_id") REFERENCES "public"."units"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_cards" ADD CONSTRAINT "access_cards_company_id_resident_id_residents_company_id_id_fk" FOREIGN KEY ("company_id","resident_id") REFERENCES "public"."residents"("company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_cards_number_active" ON "access_cards" USING btree ("company_id","kind","number") WHERE "access_cards"."deactivated_on" is null;--> statement-breakpoint
CREATE INDEX "access_cards_resident" ON "access_cards" USING btree ("company_id","resident_id");