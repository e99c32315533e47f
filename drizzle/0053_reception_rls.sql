-- Parcels, guest passes and the visitor log are tenant data.
SELECT app_enable_tenant_rls('parcels'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('guest_passes'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('visits'::regclass);
