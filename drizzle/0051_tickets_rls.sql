-- Tickets, their timelines, service levels and numbers are tenant data.
SELECT app_enable_tenant_rls('tickets'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('ticket_events'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('ticket_slas'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('ticket_counters'::regclass);
