CREATE TABLE "bank_account_owners" (
	"account_number" text PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_feed_inbox" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"external_id" text NOT NULL,
	"account_number" text NOT NULL,
	"amount" bigint NOT NULL,
	"direction" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"company_id" uuid,
	"status" text NOT NULL,
	"gateway" text,
	"memo" text,
	"bank_reference" text,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone,
	CONSTRAINT "bank_feed_inbox_provider_external_id_pk" PRIMARY KEY("provider","external_id"),
	CONSTRAINT "bank_feed_inbox_id" UNIQUE("id"),
	CONSTRAINT "bank_feed_inbox_status" CHECK ("bank_feed_inbox"."status" in ('routed', 'unrouted', 'assigned', 'ignored')),
	CONSTRAINT "bank_feed_inbox_direction" CHECK ("bank_feed_inbox"."direction" in ('in', 'out')),
	CONSTRAINT "bank_feed_inbox_company" CHECK (("bank_feed_inbox"."status" in ('routed', 'assigned')) = ("bank_feed_inbox"."company_id" is not null))
);
--> statement-breakpoint
CREATE INDEX "bank_feed_inbox_status" ON "bank_feed_inbox" USING btree ("status","received_at");