import { count, eq } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { modules } from "../../src/server/modules/index.js";
import { defineHomeCard, defineModule } from "../../src/server/platform/module.js";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { newMember, newUnit, signIn } from "../helpers/builders.js";
import type { Client } from "../helpers/client.js";
import { newResident } from "../helpers/residents.js";

/*
 * Issue 13: the resident's home and tabs are built from what the modules declare. A laundry service does not
 * exist, so today's app has no laundry card and no "shop" tab; this test adds a laundry module to a copy of the
 * module list, and its card, quick action and tab appear on the home without a line of the home's code edited.
 */

const bags = pgTable("home_laundry", {
  companyId: uuid("company_id").notNull(),
  id: uuid("id").primaryKey().defaultRandom(),
  unitId: uuid("unit_id").notNull(),
  service: text("service").notNull(),
});
const CREATE_TABLE = `
  create table home_laundry (
    company_id uuid not null,
    id uuid primary key default gen_random_uuid(),
    unit_id uuid not null,
    service text not null
  );
  alter table home_laundry enable row level security;
  alter table home_laundry force row level security;
  create policy home_laundry_tenant on home_laundry
    using (company_id = nullif(current_setting('app.company_id', true), '')::uuid);
  grant select, insert, update, delete on home_laundry to app_user;`;

const laundryModule = defineModule({
  name: "laundry",
  residentHome: {
    cards: [
      defineHomeCard({
        key: "laundry.bags",
        order: 14,
        data: z.object({ waiting: z.number().int() }),
        summary: async (ctx, unit) => {
          const [row] = await ctx.tx.select({ n: count() }).from(bags).where(eq(bags.unitId, unit.id));
          return row && row.n > 0 ? { waiting: row.n } : null;
        },
      }),
    ],
    actions: [{ key: "laundry.order", order: 5, to: "/app/shop/laundry" }],
  },
  residentTabs: [{ key: "shop", order: 35 }],
});

let env: TestEnv;
let today: TestEnv;
let admin: Client;
let companyId: string;
let buildingId: string;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 }, { modules: [...modules, laundryModule] });
  await env.db.ownerSql.exec(CREATE_TABLE);
  const member = await newMember(env, "company_admin");
  ({ companyId, buildingId } = await newUnit(env, { companyId: member.companyId }));
  admin = await signIn(env, member);
  today = await startTestApp({ signInPerMinute: 1000 });
});

describe("the resident's home through the module manifest", () => {
  it("shows a new module's card, quick action and tab, in their declared order", async () => {
    const { unitId } = await newUnit(env, { companyId, buildingId, code: "M-01.01" });
    const r = await newResident(env, admin, unitId, { fullName: "Mai Bưu", email: "mai.buu@example.vn" });
    const empty = await r.client.get("/api/v1/me/home", { unitId });
    expect(empty.status).toBe(200);
    expect(empty.body.tabs).toEqual(["invoices", "services", "shop", "tickets"]);
    expect(empty.body.actions[0]).toEqual({ key: "laundry.order", to: "/app/shop/laundry" });
    expect(empty.body.cards).toEqual([]);

    await env.db.transaction(companyId, (tx) =>
      tx.insert(bags).values([
        { companyId, unitId, service: "GHN" },
        { companyId, unitId, service: "Viettel Post" },
      ]),
    );
    const res = await r.client.get("/api/v1/me/home", { unitId });
    expect(res.body.cards).toEqual([{ key: "laundry.bags", data: { waiting: 2 } }]);
    const doc = await r.client.get("/api/docs/json");
    expect(JSON.stringify(doc.body.paths["/api/v1/me/home"])).toContain("laundry.bags");
  });

  it("has no bags or services in today's app, and the tickets module's tab", async () => {
    const member = await newMember(today, "company_admin");
    const staff = await signIn(today, member);
    const { unitId } = await newUnit(today, { companyId: member.companyId, code: "M-02.01" });
    const r = await newResident(today, staff, unitId, { fullName: "Kim Ngân", email: "kim.ngan@example.vn" });
    const res = await r.client.get("/api/v1/me/home", { unitId });
    expect(res.body.tabs).toEqual(["invoices", "services", "tickets"]);
    expect(res.body.actions.map((a: { key: string }) => a.key)).not.toContain("laundry.order");
    const doc = await r.client.get("/api/docs/json");
    expect(JSON.stringify(doc.body.paths["/api/v1/me/home"])).not.toContain("laundry");
  });
});
