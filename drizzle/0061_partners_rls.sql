-- Partner organisations are tenant data.
SELECT app_enable_tenant_rls('partners'::regclass);
