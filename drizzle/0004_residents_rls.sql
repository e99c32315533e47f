-- Row-level security for the residents tables (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls(t::regclass) FROM unnest(array[
  'residents', 'household_members', 'personal_data_reveals'
]) AS t;
--> statement-breakpoint
-- The access trail is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON personal_data_reveals FROM app_user;
