CREATE TABLE "document_acknowledgements" (
	"company_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_acknowledgements_company_id_document_id_version_account_id_pk" PRIMARY KEY("company_id","document_id","version","account_id")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"note" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"audience" text NOT NULL,
	"requires_ack" boolean DEFAULT false NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "documents_category" CHECK ("documents"."category" in ('rules', 'minutes', 'contract', 'form', 'other')),
	CONSTRAINT "documents_audience" CHECK ("documents"."audience" in ('residents', 'owners', 'board', 'staff')),
	CONSTRAINT "documents_ack_audience" CHECK (not "documents"."requires_ack" or "documents"."audience" in ('residents', 'owners'))
);
--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_purpose";--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_number" ON "document_versions" USING btree ("company_id","document_id","version");--> statement-breakpoint
CREATE INDEX "documents_building" ON "documents" USING btree ("company_id","building_id","updated_at");--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_purpose" CHECK ("files"."purpose" in ('announcement', 'conversation', 'ticket', 'parcel', 'document'));