-- Platform tables of the bank feed (issue 11): reachable by app_user only in the platform scope (the nil
-- company), so a company's staff cannot read who holds which account number, nor another company's unrouted
-- transfers. The migration owner keeps full access (its SECURITY DEFINER functions below rely on it).
CREATE FUNCTION app_enable_platform_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY platform_scope ON %s TO app_user USING (nullif(current_setting(''app.company_id'', true), '''')::uuid = ''00000000-0000-0000-0000-000000000000''::uuid) WITH CHECK (nullif(current_setting(''app.company_id'', true), '''')::uuid = ''00000000-0000-0000-0000-000000000000''::uuid)',
    tbl);
  EXECUTE format('CREATE POLICY owner_all ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END $$;
--> statement-breakpoint
SELECT app_enable_platform_rls('bank_account_owners'::regclass);
--> statement-breakpoint
SELECT app_enable_platform_rls('bank_feed_inbox'::regclass);
--> statement-breakpoint
-- Accounts registered before this rule: where several companies registered one number, the earliest
-- registration holds it (the later ones are what the rule now refuses); the platform admin can move it.
INSERT INTO bank_account_owners (account_number, company_id, since)
SELECT DISTINCT ON (account_number) account_number, company_id, created_at
  FROM bank_accounts
 ORDER BY account_number, created_at, company_id;
--> statement-breakpoint
-- Transfers already kept by companies join the installation-wide idempotency key.
INSERT INTO bank_feed_inbox (provider, external_id, account_number, amount, direction, occurred_at, received_at, company_id, status)
SELECT DISTINCT ON (provider, external_id) provider, external_id, account_number, amount,
       CASE WHEN status = 'ignored' THEN 'out' ELSE 'in' END, occurred_at, received_at, company_id, 'routed'
  FROM bank_transfers
 ORDER BY provider, external_id, received_at
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A company registering an account number claims it, unless another company holds it: returns the holder.
CREATE FUNCTION app_claim_bank_account(p_account text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_company uuid := nullif(current_setting('app.company_id', true), '')::uuid;
  v_holder uuid;
BEGIN
  IF v_company IS NULL OR v_company = '00000000-0000-0000-0000-000000000000'::uuid THEN
    RAISE EXCEPTION 'app_claim_bank_account needs a company';
  END IF;
  INSERT INTO bank_account_owners (account_number, company_id) VALUES (p_account, v_company)
  ON CONFLICT (account_number) DO NOTHING;
  SELECT o.company_id INTO v_holder FROM bank_account_owners o WHERE o.account_number = p_account;
  RETURN v_holder;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_claim_bank_account(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_claim_bank_account(text) TO app_user;
--> statement-breakpoint
-- The feed's routing now asks the holder (one company at most), not every company that typed the number.
CREATE OR REPLACE FUNCTION app_bank_account_companies(p_account text)
RETURNS TABLE (company_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.company_id FROM bank_account_owners o WHERE o.account_number = p_account
$$;
