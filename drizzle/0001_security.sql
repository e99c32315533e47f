-- Requests and jobs run as app_user (SET LOCAL ROLE at the start of each transaction); it owns nothing,
-- so row-level security applies even when the connection belongs to a superuser. Roles are cluster-wide.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT app_user TO %I', current_user);
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO app_user;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO app_user;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app_user;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO app_user;
--> statement-breakpoint
-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM app_user;
--> statement-breakpoint
-- Tenant isolation: the second lock behind the application's own company filter.
-- nullif: a connection that ran an earlier transaction reads '' (not NULL) for an unset value.
CREATE FUNCTION app_enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO app_user USING (company_id = nullif(current_setting(''app.company_id'', true), '''')::uuid) WITH CHECK (company_id = nullif(current_setting(''app.company_id'', true), '''')::uuid)',
    tbl);
  -- The owner (migrations, audit verification, cross-company maintenance) sees every row.
  EXECUTE format('CREATE POLICY owner_all ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END $$;
--> statement-breakpoint
SELECT app_enable_tenant_rls(t::regclass) FROM unnest(array[
  'buildings', 'units', 'memberships', 'invitations', 'audit_heads', 'audit_log', 'access_log'
]) AS t;
--> statement-breakpoint
-- The contexts a person may choose at sign-in span companies: answered by the owner, for one account only.
CREATE FUNCTION app_account_contexts(p_account uuid)
RETURNS TABLE (membership_id uuid, company_id uuid, company_name text, role text, building_ids uuid[], unit_ids uuid[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT m.id, m.company_id, c.name, m.role, m.building_ids, m.unit_ids
  FROM memberships m JOIN companies c ON c.id = m.company_id
  WHERE m.account_id = p_account AND m.status = 'active'
  ORDER BY c.name, m.role
$$;
--> statement-breakpoint
-- An invitation link is opened before anyone is signed in: find its company by the token's hash only.
CREATE FUNCTION app_find_invitation(p_token_hash text)
RETURNS TABLE (company_id uuid, id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.company_id, i.id FROM invitations i WHERE i.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_account_contexts(uuid), app_find_invitation(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_account_contexts(uuid), app_find_invitation(text) TO app_user;
--> statement-breakpoint
-- The platform admin sees how big each company is, not what is inside it.
CREATE FUNCTION app_company_sizes(p_company uuid)
RETURNS TABLE (building_count int, staff_count int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT (SELECT count(*)::int FROM buildings b WHERE b.company_id = p_company),
         (SELECT count(*)::int FROM memberships m WHERE m.company_id = p_company
            AND m.status = 'active' AND m.role NOT IN ('resident', 'partner'))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_company_sizes(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_company_sizes(uuid) TO app_user;
