-- Row-level security for the privacy center, notifications and announcements (see 0001_security.sql).
SELECT app_enable_tenant_rls('company_policies'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('policy_acknowledgements'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('consents'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('privacy_requests'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('privacy_request_events'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('identity_checks'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('legal_holds'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('disclosures'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('breach_incidents'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('breach_affected'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('data_exports'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('retention_runs'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('notifications'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('announcements'::regclass);
--> statement-breakpoint
-- Erasure closes an account only when no company holds any other role for it: count across companies.
CREATE FUNCTION app_account_other_memberships(p_account uuid, p_company uuid)
RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*)::integer FROM memberships m
  WHERE m.account_id = p_account AND (m.company_id <> p_company OR m.role <> 'resident')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_account_other_memberships(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_account_other_memberships(uuid, uuid) TO app_user;
