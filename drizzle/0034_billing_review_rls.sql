-- Billing reviews (the issue confirmation's previews) are tenant data: the company's accountants only.
SELECT app_enable_tenant_rls('billing_reviews'::regclass);
