-- The services catalogue, service requests and renovations are tenant data.
SELECT app_enable_tenant_rls('building_services'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('service_requests'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('renovations'::regclass);
