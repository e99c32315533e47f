CREATE TABLE "files" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"purpose" text NOT NULL,
	"attached_to" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"display_key" text NOT NULL,
	"thumb_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "files_kind" CHECK ("files"."kind" in ('image', 'pdf')),
	CONSTRAINT "files_purpose" CHECK ("files"."purpose" in ('announcement', 'conversation'))
);
--> statement-breakpoint
CREATE INDEX "files_attached" ON "files" USING btree ("company_id","attached_to");--> statement-breakpoint
CREATE INDEX "files_unclaimed" ON "files" USING btree ("company_id","created_at") WHERE "files"."attached_to" is null;