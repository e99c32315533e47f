-- Row-level security for the billing tables (see 0001_security.sql for the pattern).
SELECT app_enable_tenant_rls('building_billing'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('bank_accounts'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('fee_rules'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('meter_readings'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('billing_runs'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('document_counters'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('invoices'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('invoice_lines'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('payments'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('payment_allocations'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('bank_transfers'::regclass);
--> statement-breakpoint
-- A bank-feed notification names the receiving account, not the company: find the companies that own it.
CREATE FUNCTION app_bank_account_companies(p_account text)
RETURNS TABLE (company_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT a.company_id FROM bank_accounts a WHERE a.account_number = p_account
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_bank_account_companies(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_bank_account_companies(text) TO app_user;
--> statement-breakpoint
-- Tariffs: EVN's household electricity (from 2024-10-11, and Decision 1279/QĐ-BCT from 2025-05-10; before 8% VAT)
-- and,
-- as an editable example of per-person bands, Ho Chi Minh City's household water.
INSERT INTO tariffs (code, kind, name, basis, bands, valid_from) VALUES
  ('evn-household', 'electricity', 'Điện sinh hoạt (EVN)', 'household',
   '[{"upTo":50,"price":1893},{"upTo":100,"price":1956},{"upTo":200,"price":2271},{"upTo":300,"price":2860},{"upTo":400,"price":3197},{"upTo":null,"price":3302}]',
   '2024-10-11'),
  ('evn-household', 'electricity', 'Điện sinh hoạt (EVN)', 'household',
   '[{"upTo":50,"price":1984},{"upTo":100,"price":2050},{"upTo":200,"price":2380},{"upTo":300,"price":2998},{"upTo":400,"price":3350},{"upTo":null,"price":3460}]',
   '2025-05-10'),
  ('hcmc-water-household', 'water', 'Nước sinh hoạt TP.HCM (theo định mức người)', 'person',
   '[{"upTo":4,"price":6700},{"upTo":6,"price":12900},{"upTo":null,"price":14400}]',
   '2022-01-01');
