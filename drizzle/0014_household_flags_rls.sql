-- Row-level security for household flags (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls('household_flags'::regclass);
