-- Amenities, their closures and bookings, and the charges modules put on fee notices are tenant data.
SELECT app_enable_tenant_rls('amenities'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('amenity_closures'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('bookings'::regclass);
--> statement-breakpoint
SELECT app_enable_tenant_rls('unit_charges'::regclass);
