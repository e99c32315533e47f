-- Row-level security for online payments (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls('gateway_payments'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('autopay_mandates'::regclass);
--> statement-breakpoint
-- A gateway's notification names our transaction reference, not the company: find it.
CREATE FUNCTION app_gateway_ref_company(p_txn_ref text)
RETURNS TABLE (company_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g.company_id FROM gateway_payments g WHERE g.txn_ref = p_txn_ref
  UNION
  SELECT a.company_id FROM autopay_mandates a WHERE a.txn_ref = p_txn_ref
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_gateway_ref_company(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_gateway_ref_company(text) TO app_user;
