import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../test/helpers/app.js";
import { isEmpty, seedDemo } from "./seed.js";

/** The demo `npm start` seeds: a building with households, and two billed months. */
let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});

describe("demo seed", () => {
  it("fills an empty database with a company, households and two months of fee notices", async () => {
    expect(await isEmpty(env.db)).toBe(true);
    await seedDemo(env.db, env.app.platform);
    expect(await isEmpty(env.db)).toBe(false);
    const months = (
      (await env.db.owner.execute(
        sql`select period, count(*)::int as notices, count(*) filter (where status = 'paid')::int as paid,
                   count(*) filter (where number is null)::int as unnumbered
              from invoices group by period order by period`,
      )) as unknown as { rows: { period: string; notices: number; paid: number; unnumbered: number }[] }
    ).rows;
    expect(months).toHaveLength(2);
    const [older, last] = months as [(typeof months)[0], (typeof months)[0]];
    expect(older.paid).toBe(older.notices);
    expect(last.paid).toBeGreaterThan(0);
    expect(last.paid).toBeLessThan(last.notices);
    expect(older.unnumbered + last.unnumbered).toBe(0);
    const home = (
      (await env.db.owner.execute(
        sql`select i.status from invoices i join units u on u.id = i.unit_id
             where u.code = 'A-12.05' and i.period = ${last.period}`,
      )) as unknown as { rows: { status: string }[] }
    ).rows;
    expect(home).toEqual([{ status: "issued" }]);
    const unnamed = (
      (await env.db.owner.execute(
        sql`select count(*)::int as n from invoices where bill_to is null`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n;
    expect(unnamed).toBe(0);
    const { rows: privacy } = await env.db.ownerSql.query<{
      requests: number;
      disclosures: number;
      open: number;
    }>(
      `select (select count(*)::int from privacy_requests where status = 'completed') as requests,
              (select count(*)::int from disclosures) as disclosures,
              (select count(*)::int from breach_incidents
                where authority_notified_at is null or residents_notified_at is null) as open`,
    );
    // Something in each privacy page, and no breach clock running when the demo opens. Disclosures: the
    // agency's request, and the demo resident's first name given to the partners of the two demo orders.
    expect(privacy).toEqual([{ requests: 1, disclosures: 3, open: 0 }]);
  });
});
