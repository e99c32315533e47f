-- Statistics of the registry's tables, refreshed by the import that just wrote thousands of rows: without them
-- the planner takes the tables for empty and joins household members to units by nested loops over every row
-- (a building manager's search took seconds after an import). PGlite has no autovacuum, so nothing else would
-- refresh them there. ANALYZE needs the tables' owner: the request role calls this function instead.
CREATE OR REPLACE FUNCTION app_analyze_registry() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  ANALYZE units;
  ANALYZE residents;
  ANALYZE household_members;
  ANALYZE vehicles;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_analyze_registry() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_analyze_registry() TO app_user;
