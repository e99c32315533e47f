-- Partner staff, catalogues, promotions, orders, their lines and partner payouts are tenant data.
SELECT app_enable_tenant_rls('partner_staff'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('catalog_items'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('orders'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('order_lines'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('partner_payouts'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('promotions'::regclass);
