import { sql } from "drizzle-orm";
import { beforeAll } from "vitest";
import { createLogger } from "../../src/server/platform/log/logger.js";
import { startTestApp, type TestEnv } from "./app.js";
import { newMember, newUnit, signIn } from "./builders.js";
import type { Client } from "./client.js";
import { readableIn as readableInDb } from "./readable.js";

/*
 * The company the privacy center's test files work in: a building, its company admin and customer care.
 * The bindings are live: each file's `setUpPrivacyCompany()` sets them before its tests run.
 */

export let env: TestEnv;
export let companyId: string;
export let buildingId: string;
export let admin: Client;
export let care: Client;
export const log = createLogger("silent");
export const DAY = 24 * 3600_000;

export function setUpPrivacyCompany() {
  beforeAll(async () => {
    env = await startTestApp({ signInPerMinute: 1000 });
    const unit = await newUnit(env, { code: "P-01.01" });
    ({ companyId, buildingId } = unit);
    admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
    care = await signIn(env, await newMember(env, "customer_care", { companyId }));
  });
}

export async function unitInBuilding(code: string) {
  return (await newUnit(env, { companyId, buildingId, code })).unitId;
}

export const readableIn = (needle: string) => readableInDb(env, needle);

export async function insertNotice(unit: string, billTo: string, status: "issued" | "paid", period: string) {
  await env.db.transaction(companyId, (tx) =>
    tx.execute(sql`insert into invoices (company_id, building_id, unit_id, period, status, area_m2, bill_to,
      subtotal, total, paid, due_on, issued_at, number)
      values (${companyId}, ${buildingId}, ${unit}, ${period}, ${status}, 70, ${billTo}, 500000, 500000,
        ${status === "paid" ? 500000 : 0}, '2026-10-15', now() - interval '40 days', ${`2026/${period}`})`),
  );
}
