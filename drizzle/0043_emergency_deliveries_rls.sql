-- Emergency deliveries are tenant data.
SELECT app_enable_tenant_rls('announcement_deliveries'::regclass);
