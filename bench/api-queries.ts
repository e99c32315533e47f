/** The SQL the product runs for GET /api/v1/buildings (first page of 20), written out for the baseline. */
export const LIST_SQL = `select company_id, id, name, address, blocks, created_at, updated_at,
  (select count(*)::int from units u where u.company_id = buildings.company_id and u.building_id = buildings.id) as unit_count
  from buildings where company_id = $1 order by name asc limit 20 offset 0`;
export const COUNT_SQL = "select count(*)::int as n from buildings where company_id = $1";
