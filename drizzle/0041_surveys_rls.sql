-- Surveys, their answers and their answer tokens are tenant data.
SELECT app_enable_tenant_rls('surveys'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('survey_responses'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('survey_tokens'::regclass);
