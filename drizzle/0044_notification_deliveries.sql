CREATE TABLE "notification_deliveries" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"resident_id" uuid,
	"unit_code" text,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"category" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"data" jsonb NOT NULL,
	"link" text,
	"source_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"error" text,
	"provider_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_deliveries_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "notification_deliveries_channel" CHECK ("notification_deliveries"."channel" in ('in_app', 'email', 'push', 'zalo', 'sms', 'none')),
	CONSTRAINT "notification_deliveries_status" CHECK ("notification_deliveries"."status" in ('queued', 'sent', 'delivered', 'failed', 'cancelled')),
	CONSTRAINT "notification_deliveries_urgency" CHECK ("notification_deliveries"."urgency" in ('normal', 'high')),
	CONSTRAINT "notification_deliveries_recipient" CHECK ("notification_deliveries"."account_id" is not null or "notification_deliveries"."resident_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"company_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"choices" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quiet_from" text,
	"quiet_to" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_company_id_account_id_pk" PRIMARY KEY("company_id","account_id"),
	CONSTRAINT "notification_preferences_quiet" CHECK (("notification_preferences"."quiet_from" is null) = ("notification_preferences"."quiet_to" is null) and ("notification_preferences"."quiet_from" is null or ("notification_preferences"."quiet_from" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "notification_preferences"."quiet_to" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')))
);
--> statement-breakpoint
CREATE TABLE "push_keys" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"public_key" text NOT NULL,
	"private_key_enc" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_keys_one" CHECK ("push_keys"."singleton")
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_subscriptions_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "push_subscriptions_endpoint" UNIQUE("company_id","endpoint")
);
--> statement-breakpoint
CREATE INDEX "notification_deliveries_due" ON "notification_deliveries" USING btree ("company_id","not_before") WHERE "notification_deliveries"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "notification_deliveries_source" ON "notification_deliveries" USING btree ("company_id","source_id","channel","status");--> statement-breakpoint
CREATE INDEX "notification_deliveries_failed" ON "notification_deliveries" USING btree ("company_id","updated_at") WHERE "notification_deliveries"."status" = 'failed';--> statement-breakpoint
CREATE INDEX "notification_deliveries_account" ON "notification_deliveries" USING btree ("company_id","account_id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_resident" ON "notification_deliveries" USING btree ("company_id","resident_id");--> statement-breakpoint
CREATE INDEX "push_subscriptions_account" ON "push_subscriptions" USING btree ("company_id","account_id");