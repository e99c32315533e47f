-- Uploaded files are tenant data.
SELECT app_enable_tenant_rls('files'::regclass);
