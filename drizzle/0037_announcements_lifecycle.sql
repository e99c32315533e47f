ALTER TABLE "announcements" ADD COLUMN "category" text DEFAULT 'notice' NOT NULL;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "audience" jsonb DEFAULT '{"blocks":[],"floors":[],"unitIds":[],"roles":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "pinned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "publish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
-- Announcements before this migration were sent at once: published then, a marketing one as a promotion.
UPDATE "announcements" SET "status" = 'published', "published_at" = "created_at",
  "category" = CASE WHEN "marketing" THEN 'promotion' ELSE 'notice' END;--> statement-breakpoint
CREATE INDEX "announcements_building" ON "announcements" USING btree ("company_id","building_id","created_at");--> statement-breakpoint
CREATE INDEX "announcements_due" ON "announcements" USING btree ("publish_at") WHERE "announcements"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "notifications_source" ON "notifications" USING btree ("company_id","source_id");--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_status" CHECK ("announcements"."status" in ('draft', 'scheduled', 'published', 'archived'));--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_category" CHECK ("announcements"."category" in ('notice', 'maintenance', 'event', 'emergency', 'promotion'));