-- Conversations are tenant data: the company's residents and staff only.
SELECT app_enable_tenant_rls('conversations'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('conversation_messages'::regclass);
