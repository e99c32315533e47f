-- Row-level security for access cards (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls('access_cards'::regclass);
