ALTER TABLE "tariffs" DROP CONSTRAINT "tariffs_version";--> statement-breakpoint
ALTER TABLE "tariffs" DROP CONSTRAINT "tariffs_pkey";--> statement-breakpoint
ALTER TABLE "tariffs" ADD COLUMN "company_id" uuid DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL;--> statement-breakpoint
ALTER TABLE "tariffs" ADD COLUMN "vat_rate" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_company_id_id_pk" PRIMARY KEY("company_id","id");--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_version" UNIQUE("company_id","code","valid_from");--> statement-breakpoint
ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_vat" CHECK ("tariffs"."vat_rate" between 0 and 100);
