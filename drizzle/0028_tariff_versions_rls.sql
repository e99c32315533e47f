-- Tariffs: national rows (EVN's) belong to the platform scope, the nil UUID, and every company reads them;
-- a company reads and keeps its own (its water utility's). Writes stay inside the caller's scope: the platform
-- admin (platform scope) writes national rows, a company admin the company's.
ALTER TABLE tariffs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tariffs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON tariffs TO app_user
  USING (company_id = nullif(current_setting('app.company_id', true), '')::uuid)
  WITH CHECK (company_id = nullif(current_setting('app.company_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY national_read ON tariffs FOR SELECT TO app_user
  USING (company_id = '00000000-0000-0000-0000-000000000000'::uuid);
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON tariffs TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
--> statement-breakpoint
-- Whether an issued notice charged a tariff code over any day of [p_from, p_to) (p_to null: open-ended). The
-- platform admin asks about every company's notices (except companies whose own versions of the code replace
-- the national ones), a company about its own; the answer is one boolean, never a company's rows.
CREATE FUNCTION app_tariff_dates_billed(p_code text, p_from date, p_to date)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH caller AS (SELECT nullif(current_setting('app.company_id', true), '')::uuid AS company_id)
  SELECT EXISTS (
    SELECT 1
      FROM caller, invoices i
      JOIN invoice_lines l ON l.company_id = i.company_id AND l.invoice_id = i.id
      JOIN fee_rules f ON f.company_id = l.company_id AND f.id = l.fee_rule_id
     WHERE f.tariff_code = p_code
       AND l.kind IN ('electricity', 'water')
       AND i.status <> 'draft'
       AND to_date(i.period || '-01', 'YYYY-MM-DD') < coalesce(p_to, 'infinity'::date)
       AND (to_date(i.period || '-01', 'YYYY-MM-DD') + interval '1 month')::date > p_from
       AND CASE WHEN caller.company_id = '00000000-0000-0000-0000-000000000000'::uuid
                THEN NOT EXISTS (SELECT 1 FROM tariffs o WHERE o.company_id = i.company_id AND o.code = p_code)
                ELSE i.company_id = caller.company_id END
  )
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_tariff_dates_billed(text, date, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_tariff_dates_billed(text, date, date) TO app_user;
--> statement-breakpoint
-- EVN's household tariffs before those seeded in 0016 (VND/kWh before VAT, as published): from 2023-05-04
-- (Decision 1062/QĐ-BCT) and from 2023-11-09 (Decision 2941/QĐ-BCT), so months back to May 2023 are priced.
INSERT INTO tariffs (code, kind, name, basis, bands, valid_from) VALUES
  ('evn-household', 'electricity', 'Điện sinh hoạt (EVN)', 'household',
   '[{"upTo":50,"price":1728},{"upTo":100,"price":1786},{"upTo":200,"price":2074},{"upTo":300,"price":2612},{"upTo":400,"price":2919},{"upTo":null,"price":3015}]',
   '2023-05-04'),
  ('evn-household', 'electricity', 'Điện sinh hoạt (EVN)', 'household',
   '[{"upTo":50,"price":1806},{"upTo":100,"price":1866},{"upTo":200,"price":2167},{"upTo":300,"price":2729},{"upTo":400,"price":3050},{"upTo":null,"price":3151}]',
   '2023-11-09')
ON CONFLICT DO NOTHING;
