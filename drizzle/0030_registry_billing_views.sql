-- Read models the registry owns for billing (issue 12): billing's queries read units, vehicles and households
-- through these views instead of naming the registry's tables, so the registry can change its tables behind
-- them. security_invoker keeps the row-level security of the tables below: a company sees only its own rows.
CREATE VIEW registry_billable_units WITH (security_invoker = true) AS
  SELECT company_id, id, building_id, code, block, floor, type, area_m2, handover_date FROM units;
--> statement-breakpoint
CREATE VIEW registry_billable_vehicles WITH (security_invoker = true) AS
  SELECT company_id, id, building_id, unit_id, type, status, active_from, active_to, created_at FROM vehicles;
--> statement-breakpoint
-- Who lives in a unit over time (any role): water tariffs per registered person count them.
CREATE VIEW registry_unit_members WITH (security_invoker = true) AS
  SELECT company_id, unit_id, moved_in_on, moved_out_on FROM household_members;
--> statement-breakpoint
-- The unit's current owners, whom a notice is addressed to and reminders go to.
CREATE VIEW registry_unit_owners WITH (security_invoker = true) AS
  SELECT hm.company_id, hm.unit_id, r.id AS resident_id, r.full_name, r.data_key, r.email_enc, r.phone_enc
    FROM household_members hm
    JOIN residents r ON r.company_id = hm.company_id AND r.id = hm.resident_id
   WHERE hm.role = 'owner' AND hm.moved_out_on IS NULL;
--> statement-breakpoint
GRANT SELECT ON registry_billable_units, registry_billable_vehicles, registry_unit_members, registry_unit_owners
  TO app_user;
