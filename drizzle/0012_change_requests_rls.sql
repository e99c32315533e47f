-- Row-level security for change requests (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls('change_requests'::regclass);
