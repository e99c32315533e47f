CREATE TABLE "announcements" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"building_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"marketing" boolean DEFAULT false NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcements_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"source_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "breach_affected" (
	"company_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "breach_affected_company_id_incident_id_resident_id_pk" PRIMARY KEY("company_id","incident_id","resident_id")
);
--> statement-breakpoint
CREATE TABLE "breach_incidents" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"fields" text[] NOT NULL,
	"containment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"authority_notified_at" timestamp with time zone,
	"authority_reference" text,
	"residents_notified_at" timestamp with time zone,
	"residents_notified" integer DEFAULT 0 NOT NULL,
	"overdue_alerted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breach_incidents_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "breach_incidents_severity" CHECK ("breach_incidents"."severity" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "breach_incidents_status_check" CHECK ("breach_incidents"."status" in ('open', 'contained', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "company_policies" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"version" text NOT NULL,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"summary_vi" text NOT NULL,
	"summary_en" text NOT NULL,
	"requires_ack" boolean DEFAULT false NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_policies_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "company_policies_kind" CHECK ("company_policies"."kind" in ('privacy', 'terms'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"policy_version" text NOT NULL,
	"wording" text NOT NULL,
	"lang" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"given_channel" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_channel" text,
	"recorded_by" uuid,
	CONSTRAINT "consents_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "consents_purpose" CHECK ("consents"."purpose" in ('marketing', 'analytics'))
);
--> statement-breakpoint
CREATE TABLE "data_exports" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"format" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"downloaded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_exports_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "data_exports_format" CHECK ("data_exports"."format" in ('json', 'html'))
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient" text NOT NULL,
	"fields" text[] NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"reference" text,
	"path" text NOT NULL,
	"actor_account_id" uuid,
	"actor_role" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosures_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "disclosures_recipient_kind" CHECK ("disclosures"."recipient_kind" in ('partner', 'service_provider', 'state_agency', 'other_company', 'staff_outside_building'))
);
--> statement-breakpoint
CREATE TABLE "identity_checks" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_checks_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"reference" text,
	"placed_by" uuid,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" uuid,
	"released_at" timestamp with time zone,
	CONSTRAINT "legal_holds_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "policy_acknowledgements" (
	"company_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_acknowledgements_company_id_policy_id_account_id_pk" PRIMARY KEY("company_id","policy_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "privacy_request_events" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"event" text NOT NULL,
	"actor_account_id" uuid,
	"actor_role" text,
	"note" text,
	CONSTRAINT "privacy_request_events_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "privacy_requests" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"account_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"channel" text NOT NULL,
	"details" text,
	"due_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"handler_id" uuid,
	"closed_at" timestamp with time zone,
	"resolution" text,
	"outcome" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "privacy_requests_kind" CHECK ("privacy_requests"."kind" in ('access', 'rectification', 'erasure', 'restriction', 'objection', 'consent_withdrawal')),
	CONSTRAINT "privacy_requests_status_check" CHECK ("privacy_requests"."status" in ('open', 'in_progress', 'completed', 'rejected', 'cancelled')),
	CONSTRAINT "privacy_requests_channel" CHECK ("privacy_requests"."channel" in ('app', 'customer_care'))
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"removed" integer NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "retention_runs_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "restricted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "erasure_pending_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_account" ON "notifications" USING btree ("company_id","account_id","created_at");--> statement-breakpoint
CREATE INDEX "breach_incidents_status" ON "breach_incidents" USING btree ("company_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "company_policies_version" ON "company_policies" USING btree ("company_id","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_current" ON "consents" USING btree ("company_id","account_id","purpose") WHERE "consents"."withdrawn_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "data_exports_token" ON "data_exports" USING btree ("company_id","token_hash");--> statement-breakpoint
CREATE INDEX "disclosures_resident" ON "disclosures" USING btree ("company_id","resident_id","at");--> statement-breakpoint
CREATE INDEX "disclosures_at" ON "disclosures" USING btree ("company_id","at");--> statement-breakpoint
CREATE INDEX "legal_holds_resident" ON "legal_holds" USING btree ("company_id","resident_id");--> statement-breakpoint
CREATE INDEX "privacy_request_events_request" ON "privacy_request_events" USING btree ("company_id","request_id","at");--> statement-breakpoint
CREATE INDEX "privacy_requests_status" ON "privacy_requests" USING btree ("company_id","status","due_at");--> statement-breakpoint
CREATE INDEX "privacy_requests_resident" ON "privacy_requests" USING btree ("company_id","resident_id");--> statement-breakpoint
CREATE INDEX "retention_runs_at" ON "retention_runs" USING btree ("company_id","category","at");