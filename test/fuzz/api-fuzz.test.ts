import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { newBuilding, newMember, PASSWORD, signIn } from "../helpers/builders.js";
import type { Client } from "../helpers/client.js";

/** Every API route, fed random bodies, queries and path parameters, answers without a 5xx. */
let env: TestEnv;
let admin: Client;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 100_000, rateLimitPerMinute: 100_000 });
  const { companyId } = await newBuilding(env);
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  await admin.post("/api/v1/auth/reauth", { password: PASSWORD });
  const doc = (await admin.get("/api/docs/json")).body as { paths: Record<string, Record<string, unknown>> };
  // Signing out would leave the rest of the run unauthenticated.
  routes = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    )
    .filter((r) => r.path !== "/api/v1/auth/sign-out");
});

const segment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom("0", "-1", "%00", "..", "null", "00000000-0000-0000-0000-000000000000"),
);
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      identifier: fc.oneof(fc.emailAddress(), fc.string()),
      password: fc.string(),
      code: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.string()),
      name: fc.string(),
      address: fc.string(),
      blocks: fc.array(fc.record({ name: fc.string(), floors: fc.integer() }), { maxLength: 3 }),
      contact: fc.oneof(fc.emailAddress(), fc.string()),
      displayName: fc.string(),
      role: fc.constantFrom("company_admin", "resident", "x", ""),
      buildingIds: fc.array(fc.oneof(fc.uuid(), fc.string()), { maxLength: 3 }),
      lang: fc.constantFrom("vi", "en", "fr"),
      contextId: fc.string(),
      status: fc.string(),
    },
    { requiredKeys: [] },
  ),
);
const query = fc.dictionary(
  fc.constantFrom("page", "pageSize", "q", "status", "to"),
  fc.string({ maxLength: 20 }),
);

describe("fuzzed input", () => {
  it("never answers 5xx", async () => {
    const seen: string[] = [];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), segment, json, query, async (pick, seg, body, q) => {
        const route = routes[pick % routes.length] as { method: string; path: string };
        const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(seg));
        const search = new URLSearchParams(q).toString();
        const res = await admin.request(
          route.method,
          `${path}${search ? `?${search}` : ""}`,
          route.method === "GET" || route.method === "DELETE" ? undefined : body,
        );
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500)
          seen.push(`${route.method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    expect(seen).toEqual([]);
    // The run reached past authentication: most answers are validation, rule and not-found refusals.
    expect((statuses.get(400) ?? 0) + (statuses.get(404) ?? 0) + (statuses.get(422) ?? 0)).toBeGreaterThan(
      200,
    );
  }, 120_000);
});
