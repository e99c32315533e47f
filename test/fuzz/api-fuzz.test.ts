import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CompanyRole } from "../../src/contracts/common.js";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { newAccount, newMember, newUnit, PASSWORD, signIn } from "../helpers/builders.js";
import { Client } from "../helpers/client.js";
import {
  edgeValue,
  fillPath,
  fuzzArb,
  type Operation,
  operationsOf,
  pathParams,
} from "../helpers/openapi.js";

/**
 * Every operation of the OpenAPI document, called with every role's session (and none), with inputs derived
 * from its schemas and pushed to their edges, answers without a 5xx. Bounded: a fixed seed and FUZZ_RUNS runs
 * per operation and role (2 by default), so `npm test` runs the same requests every time.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_103);
let env: TestEnv;
let operations: Operation[];
const sessions = new Map<string, Client>();
const knownIds: string[] = [];

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 100_000, rateLimitPerMinute: 100_000 });
  const unit = await newUnit(env);
  const { companyId, buildingId, unitId } = unit;
  knownIds.push(companyId, buildingId, unitId);
  sessions.set("anonymous", new Client(env.app));
  sessions.set("platform_admin", await signIn(env, await newAccount(env, { platformAdmin: true })));
  for (const role of CompanyRole.options) {
    const scope =
      role === "resident"
        ? { unitIds: [unitId] }
        : role === "company_admin"
          ? {}
          : { buildingIds: [buildingId] };
    const member = await newMember(env, role, { companyId, ...scope });
    knownIds.push(member.membershipId);
    sessions.set(role, await signIn(env, member));
  }
  // Sensitive operations ask for the password again: confirm it, so the fuzz reaches past that gate.
  for (const [role, client] of sessions)
    if (role !== "anonymous") await client.post("/api/v1/auth/reauth", { password: PASSWORD });
  // An event stream does not end while the client listens: live.test.ts reads it over a socket.
  operations = operationsOf(env.app.swagger()).filter((op) => !op.streams);
});

/** A path parameter: a real id of the company, one its schema allows, or an edge value. */
const pathValue = (op: Operation, name: string) => {
  const schema = op.params.find((p) => p.in === "path" && p.name === name)?.schema;
  return fc.oneof(
    fc.constantFrom(...knownIds),
    fuzzArb(schema).map((v) => String(v ?? "")),
    edgeValue.map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
  );
};

function requestArb(op: Operation) {
  const names = pathParams(op.path);
  const query = op.params.filter((p) => p.in === "query");
  return fc.record({
    params: fc.tuple(...names.map((n) => pathValue(op, n))),
    query: fc.record(Object.fromEntries(query.map((p) => [p.name, fuzzArb(p.schema)])), { requiredKeys: [] }),
    body: op.body ? fuzzArb(op.body) : fc.option(fc.jsonValue({ maxDepth: 2 }), { freq: 3 }),
  });
}

/** Signing out ends the session the rest of the run uses: each role signs out last. */
const lastForSession = (op: Operation) => (op.path.endsWith("/auth/sign-out") ? 1 : 0);

describe("fuzzed input", () => {
  it("never answers 5xx, whatever the operation, the role and the input", async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const ordered = [...operations].sort((a, b) => lastForSession(a) - lastForSession(b));
    for (const [role, client] of sessions) {
      for (const op of ordered) {
        await fc.assert(
          fc.asyncProperty(requestArb(op), async ({ params, query, body }) => {
            const names = pathParams(op.path);
            const path = fillPath(op.path, Object.fromEntries(names.map((n, i) => [n, String(params[i])])));
            const search = new URLSearchParams(
              Object.entries(query).flatMap(([k, v]) =>
                v === undefined ? [] : [[k, typeof v === "string" ? v : JSON.stringify(v)]],
              ),
            ).toString();
            const url = `${path}${search ? `?${search}` : ""}`;
            const sent = op.method === "GET" || op.method === "DELETE" ? undefined : body;
            const res = await client.request(op.method, url, sent);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status >= 500)
              failures.push(
                `${role} ${op.method} ${url} ${JSON.stringify(sent)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`,
              );
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
    }
    expect(failures).toEqual([]);
    // The run got past authentication: refusals by validation, rules and unknown ids, and some successes.
    const count = (...codes: number[]) => codes.reduce((n, c) => n + (statuses.get(c) ?? 0), 0);
    expect(count(400, 404, 409, 422)).toBeGreaterThan(operations.length);
    expect(count(200, 201, 202, 204)).toBeGreaterThan(20);
  }, 240_000);
});
