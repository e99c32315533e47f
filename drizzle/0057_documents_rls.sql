-- The documents library, its versions and acknowledgements are tenant data.
SELECT app_enable_tenant_rls('documents'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('document_versions'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('document_acknowledgements'::regclass);
