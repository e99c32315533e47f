import { and, eq, inArray } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { modules } from "../../src/server/modules/index.js";
import { type ActionOf, definePolicy, isStaff } from "../../src/server/platform/authz/can.js";
import { defineModule, defineSchedule } from "../../src/server/platform/module.js";
import { definePersonalData } from "../../src/server/platform/privacy/personal-data.js";
import { RETENTION } from "../../src/server/platform/privacy/purposes.js";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { newMember, newUnit, signIn } from "../helpers/builders.js";
import type { Client } from "../helpers/client.js";
import { newResident } from "../helpers/residents.js";

/*
 * Issue 12: a new module is a folder plus one line. This test is that module — a smart-locker log of deliveries with a
 * table, a route, a policy, a schedule and a personal-data provider — added to a copy of the module list. It
 * reaches the API, the job runner and the person's "my data" without a line of platform or privacy code edited.
 */

/** The module's table, made the way a migration would (tenant key, row-level security, the app's grants). */
const locker_items = pgTable("locker_items", {
  companyId: uuid("company_id").notNull(),
  id: uuid("id").primaryKey().defaultRandom(),
  residentId: uuid("resident_id").notNull(),
  carrier: text("carrier").notNull(),
});
const CREATE_TABLE = `
  create table locker_items (
    company_id uuid not null,
    id uuid primary key default gen_random_uuid(),
    resident_id uuid not null,
    carrier text not null
  );
  alter table locker_items enable row level security;
  alter table locker_items force row level security;
  create policy locker_items_tenant on locker_items
    using (company_id = nullif(current_setting('app.company_id', true), '')::uuid);
  grant select, insert, update, delete on locker_items to app_user;`;

const lockerPolicy = definePolicy("locker", { read: (actor) => isStaff(actor) });
declare module "../../src/server/platform/authz/can.js" {
  interface PolicyActions {
    locker: ActionOf<typeof lockerPolicy>;
  }
}

const lockerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/locker-items",
    {
      schema: {
        summary: "Parcels waiting",
        description: "The lockers' deliveries.",
        tags: ["lockers"],
        response: { 200: z.object({ count: z.number().int() }) },
      },
      config: { permission: ["read", "locker"] as const },
    },
    async (req) =>
      req.run(async (ctx) => {
        const rows = await ctx.tx
          .select()
          .from(locker_items)
          .where(eq(locker_items.companyId, ctx.companyId));
        return { count: rows.length };
      }),
  );
};

const sweeps: string[] = [];
const lockersModule = defineModule({
  name: "lockers",
  routes: lockerRoutes,
  policies: [lockerPolicy],
  schedules: [
    defineSchedule("lockers-sweep", "0 6 * * *", async () => {
      sweeps.push("swept");
      return sweeps.length;
    }),
  ],
  personalData: [
    definePersonalData({
      fields: [
        {
          key: "locker.carrier",
          label: { vi: "Bưu kiện đang chờ", en: "Parcels waiting" },
          purposes: ["deliveries"],
          retention: RETENTION.whileResident,
          records: ["locker"],
          columns: ["locker_items.carrier"],
        },
      ],
      collect: async (ctx, owner) => {
        if (owner.residentIds.length === 0) return {};
        const rows = await ctx.tx
          .select()
          .from(locker_items)
          .where(
            and(
              eq(locker_items.companyId, ctx.companyId),
              inArray(locker_items.residentId, [...owner.residentIds]),
            ),
          );
        return {
          records: rows.map((p) => ({
            residentId: p.residentId,
            fields: [
              {
                field: "locker.carrier",
                value: p.carrier,
                purposes: [{ id: "deliveries", name: "Deliveries" }],
                retention: "while resident",
              },
            ],
          })),
        };
      },
    }),
  ],
});

let env: TestEnv;
let admin: Client;
let companyId: string;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000, jobs: true }, { modules: [...modules, lockersModule] });
  await env.db.ownerSql.exec(CREATE_TABLE);
  const member = await newMember(env, "company_admin");
  companyId = member.companyId;
  admin = await signIn(env, member);
});

describe("a module added to the module list", () => {
  it("answers its routes under /api/v1, behind its own policy", async () => {
    const res = await admin.get("/api/v1/locker-items");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 0 });
    const doc = await admin.get("/api/docs/json");
    expect(Object.keys(doc.body.paths)).toContain("/api/v1/locker-items");
  });

  it("has its schedule registered and worked by the job runner", async () => {
    const boss = env.boss;
    if (!boss) throw new Error("the test app runs without jobs");
    const schedules = await boss.getSchedules();
    expect(schedules.map((s: { name: string }) => s.name)).toContain("lockers-sweep");
    await boss.send("lockers-sweep", {});
    for (let i = 0; i < 200 && sweeps.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(sweeps).toEqual(["swept"]);
  });

  it("shows the person its data in 'my data', beside the registry's", async () => {
    const { unitId } = await newUnit(env, { companyId, code: "P-01.01" });
    const resident = await newResident(env, admin, unitId, {
      fullName: "Lý Thị Bưu",
      email: "buu.ly@example.vn",
    });
    await env.db.transaction(companyId, (tx) =>
      tx
        .insert(locker_items)
        .values({ companyId, residentId: resident.residentId, carrier: "Giao Hàng Nhanh" }),
    );
    const mine = await resident.client.get("/api/v1/my/data");
    expect(mine.status).toBe(200);
    const fields = Object.fromEntries(
      mine.body.records[0].fields.map((f: { field: string; value: string }) => [f.field, f.value]),
    );
    expect(fields).toMatchObject({ "resident.fullName": "Lý Thị Bưu", "locker.carrier": "Giao Hàng Nhanh" });
  });
});
