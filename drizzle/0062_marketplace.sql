CREATE TABLE "catalog_items" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description_vi" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"price" bigint NOT NULL,
	"vat_rate" integer NOT NULL,
	"stock" integer,
	"building_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_items_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "catalog_items_kind" CHECK ("catalog_items"."kind" in ('goods', 'service')),
	CONSTRAINT "catalog_items_status" CHECK ("catalog_items"."status" in ('pending', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "catalog_items_price" CHECK ("catalog_items"."price" > 0),
	CONSTRAINT "catalog_items_vat" CHECK ("catalog_items"."vat_rate" in (0, 5, 8, 10)),
	CONSTRAINT "catalog_items_stock" CHECK ("catalog_items"."stock" is null or "catalog_items"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	"vat_rate" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "order_lines_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "order_lines_quantity" CHECK ("order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"building_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"placed_by" uuid,
	"resident_id" uuid,
	"buyer_name" text,
	"slot_date" date NOT NULL,
	"slot" text NOT NULL,
	"delivery" text NOT NULL,
	"note" text,
	"payment" text NOT NULL,
	"payment_status" text DEFAULT 'unpaid' NOT NULL,
	"status" text DEFAULT 'placed' NOT NULL,
	"total" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"delivery_code" text NOT NULL,
	"cancel_reason" text,
	"refund_reference" text,
	"rating" integer,
	"rating_comment" text,
	"ticket_id" uuid,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"preparing_at" timestamp with time zone,
	"on_the_way_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"payment_reference" text,
	CONSTRAINT "orders_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "orders_status" CHECK ("orders"."status" in ('placed', 'confirmed', 'preparing', 'on_the_way', 'delivered', 'cancelled', 'refunded')),
	CONSTRAINT "orders_kind" CHECK ("orders"."kind" in ('goods', 'service')),
	CONSTRAINT "orders_payment" CHECK ("orders"."payment" in ('transfer', 'cash')),
	CONSTRAINT "orders_payment_status" CHECK ("orders"."payment_status" in ('unpaid', 'paid', 'refunded')),
	CONSTRAINT "orders_delivery" CHECK ("orders"."delivery" in ('door', 'reception')),
	CONSTRAINT "orders_total" CHECK ("orders"."total" > 0 and "orders"."vat" >= 0),
	CONSTRAINT "orders_rating" CHECK ("orders"."rating" is null or "orders"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "partner_payouts" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"period" text NOT NULL,
	"orders" integer NOT NULL,
	"gross" bigint NOT NULL,
	"refunds" bigint NOT NULL,
	"cash_collected" bigint NOT NULL,
	"commission" bigint NOT NULL,
	"net" bigint NOT NULL,
	"reference" text NOT NULL,
	"paid_by" uuid,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_payouts_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "partner_payouts_period" CHECK ("partner_payouts"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"item_id" uuid,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"body_vi" text DEFAULT '' NOT NULL,
	"body_en" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotions_company_id_id_pk" PRIMARY KEY("company_id","id"),
	CONSTRAINT "promotions_status" CHECK ("promotions"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "promotions_dates" CHECK ("promotions"."ends_on" >= "promotions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "partner_staff" (
	"company_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"invitation_id" uuid,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_staff_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
ALTER TABLE "files" DROP CONSTRAINT "files_purpose";--> statement-breakpoint
ALTER TABLE "bank_transfers" ADD COLUMN "claimed_by" text;--> statement-breakpoint
CREATE INDEX "catalog_items_partner" ON "catalog_items" USING btree ("company_id","partner_id");--> statement-breakpoint
CREATE INDEX "catalog_items_status" ON "catalog_items" USING btree ("company_id","status");--> statement-breakpoint
CREATE INDEX "order_lines_order" ON "order_lines" USING btree ("company_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_code" ON "orders" USING btree ("company_id","code");--> statement-breakpoint
CREATE INDEX "orders_partner" ON "orders" USING btree ("company_id","partner_id","status","slot_date");--> statement-breakpoint
CREATE INDEX "orders_unit" ON "orders" USING btree ("company_id","unit_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_building" ON "orders" USING btree ("company_id","building_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_placed_by" ON "orders" USING btree ("company_id","placed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_payouts_period" ON "partner_payouts" USING btree ("company_id","partner_id","period");--> statement-breakpoint
CREATE INDEX "promotions_partner" ON "promotions" USING btree ("company_id","partner_id");--> statement-breakpoint
CREATE INDEX "promotions_running" ON "promotions" USING btree ("company_id","status","ends_on");--> statement-breakpoint
CREATE INDEX "partner_staff_partner" ON "partner_staff" USING btree ("company_id","partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_staff_invitation" ON "partner_staff" USING btree ("company_id","invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_staff_account" ON "partner_staff" USING btree ("company_id","account_id");--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_purpose" CHECK ("files"."purpose" in ('announcement', 'conversation', 'ticket', 'parcel', 'document', 'renovation', 'catalog_item'));