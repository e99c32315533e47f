import SwaggerParser from "@apidevtools/swagger-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../helpers/app.js";

/** The OpenAPI document: valid for a third-party validator, and saying what every operation really answers. */
let env: TestEnv;
type Operation = {
  summary?: string;
  description?: string;
  parameters?: unknown[];
  responses: Record<
    string,
    { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }
  >;
};
let doc: { paths: Record<string, Record<string, Operation>> };
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, method, path, op })),
  );

beforeAll(async () => {
  env = await startTestApp();
  doc = env.app.swagger() as unknown as typeof doc;
});

describe("the OpenAPI document", () => {
  it("passes @apidevtools/swagger-parser's validation", async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("gives every operation a summary and a description", () => {
    const missing = operations()
      .filter(({ op }) => !op.summary?.trim() || !op.description?.trim())
      .map(({ id }) => id);
    expect(missing).toEqual([]);
  });

  it("documents every operation's refusals with the error schema", () => {
    const bad: string[] = [];
    for (const { id, op, method, path } of operations()) {
      const errors = Object.keys(op.responses).filter((s) => s.startsWith("4"));
      if (!errors.includes("429")) bad.push(`${id}: no 429`);
      if (path.includes("{") && !errors.includes("404")) bad.push(`${id}: no 404`);
      if (method !== "get" && !errors.includes("400")) bad.push(`${id}: no 400`);
      for (const s of errors) {
        const schema = op.responses[s]?.content?.["application/json"]?.schema;
        if (!schema?.properties?.error) bad.push(`${id}: ${s} without the error schema`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("documents 204 and 303 where the route gives them", () => {
    const op = (m: string, p: string) => doc.paths[p]?.[m]?.responses ?? {};
    expect(Object.keys(op("delete", "/api/v1/buildings/{id}"))).toContain("204");
    expect(Object.keys(op("post", "/api/v1/auth/sign-out"))).toContain("204");
    expect(Object.keys(op("get", "/api/v1/gateway/vnpay/return"))).toContain("303");
    expect(Object.keys(op("get", "/api/v1/gateway/vnpay/token-return"))).toContain("303");
  });
});
