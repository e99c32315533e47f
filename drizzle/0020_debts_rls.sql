-- Row-level security for debt reminders (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls('debt_reminders'::regclass);
