-- Row-level security for vehicles (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls('vehicles'::regclass);
