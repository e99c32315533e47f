import fc from "fast-check";

/**
 * The API's operations as the OpenAPI document describes them, and fast-check arbitraries for their inputs,
 * derived from the JSON Schemas in it. The fuzz and tenant-isolation suites walk these, so a new route is
 * covered as soon as it is in the document.
 */
export type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type Parameter = { name: string; in: string; required?: boolean; schema?: JsonSchema };
export type Operation = {
  method: string;
  path: string;
  params: Parameter[];
  body?: JsonSchema;
  /** The content types the document gives for the request body (a file upload names its own). */
  bodyTypes: string[];
  responses: string[];
  /** Answers with an event stream, which does not end while the client listens (GET /notifications/stream). */
  streams: boolean;
};
type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        responses?: Record<string, { content?: Record<string, unknown> }>;
      }
    >
  >;
};

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/** Every operation of the document (HEAD and OPTIONS left out: Fastify answers them for every GET route). */
export function operationsOf(doc: unknown): Operation[] {
  return Object.entries((doc as Doc).paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.["application/json"]?.schema,
        bodyTypes: Object.keys(op.requestBody?.content ?? {}),
        responses: Object.keys(op.responses ?? {}),
        streams: Object.values(op.responses ?? {}).some((r) => "text/event-stream" in (r.content ?? {})),
      })),
  );
}

/** The names of a path's `{parameters}`, in order. */
export const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

/** The path with its parameters filled in (URL-encoded). */
export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));

const isoDate = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 60));
  switch (s.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 254));
    case "date":
      return isoDate;
    case "date-time":
      return isoDateTime;
  }
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern);
      return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? 10_000));
    } catch {
      // A pattern fast-check cannot generate from: plain strings of the right length.
    }
  }
  return fc.string({ minLength: min, maxLength: max, unit: "grapheme" });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exMin = typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum : undefined;
  const exMax = typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum : undefined;
  let min = s.minimum ?? (exMin !== undefined ? exMin + (integer ? 1 : 0.01) : -1_000_000);
  let max = s.maximum ?? (exMax !== undefined ? exMax - (integer ? 1 : 0.01) : 1_000_000);
  // Valid values stay in a range a person would type; the fuzz's edges come from `edgeValue`.
  min = Math.max(min, -1_000_000_000);
  max = Math.min(max, 1_000_000_000);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc
    .integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) })
    .map((v) => v / 100)
    .filter((v) => (exMin === undefined || v > exMin) && (exMax === undefined || v < exMax));
}

/** Values that schema-valid input should accept: what a well-behaved client sends. */
export function validArb(s: JsonSchema | undefined, depth = 0, requiredOnly = false): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(undefined);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validArb(a, depth + 1, requiredOnly)));
  if (s.allOf?.length) return validArb(Object.assign({}, ...s.allOf), depth + 1, requiredOnly);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  const base = (() => {
    switch (type ?? (s.properties ? "object" : undefined)) {
      case "string":
        return stringArb(s);
      case "integer":
        return numberArb(s, true);
      case "number":
        return numberArb(s, false);
      case "boolean":
        return fc.boolean();
      case "array":
        return fc.array(validArb(s.items, depth + 1, requiredOnly), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
        });
      case "object": {
        const required = new Set(s.required ?? []);
        const props = Object.entries(s.properties ?? {}).filter(([k]) => !requiredOnly || required.has(k));
        return fc.record(
          Object.fromEntries(props.map(([k, v]) => [k, validArb(v, depth + 1, requiredOnly)])),
          { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) },
        );
      }
      case "null":
        return fc.constant(null);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return s.nullable
    ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

/** Values at the edges of what any field might be handed: wrong types, extremes, control characters. */
export const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u202e\u200b",
    "'; drop table units; --",
    "../../etc/passwd",
    "%00",
    "1e309",
    "NaN",
    "-0",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "9999-99-99",
    "2026-02-30",
    "0000-01-01",
    "x".repeat(5000),
    "Nguyễn Văn Đức".repeat(40),
  ),
  fc.constantFrom(
    0,
    -1,
    1.5,
    -0.0001,
    2 ** 31,
    2 ** 53 - 1,
    2 ** 53 + 2,
    -(2 ** 53),
    1e300,
    Number.MAX_VALUE,
    true,
    false,
    null,
  ),
  fc.constantFrom([], {}, [null], { "": "" }, { __proto__: 1 }, { constructor: { prototype: {} } }),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
);

/**
 * Input for fuzzing: mostly schema-valid values (so requests get past validation into the services), each
 * field sometimes replaced by an edge value, dropped, or joined by an unknown field.
 */
export function fuzzArb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return edgeValue;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  let base: fc.Arbitrary<unknown>;
  if (!s.enum && !s.oneOf && !s.anyOf && (type === "object" || (!type && s.properties))) {
    const props = s.properties ?? {};
    base = fc
      .tuple(
        fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fuzzArb(v, depth + 1)])), {
          requiredKeys: Object.keys(props).filter((k) => (s.required ?? []).includes(k)),
        }),
        fc.option(fc.tuple(fc.string({ maxLength: 12 }), edgeValue), { freq: 5 }),
      )
      .map(([obj, extra]) => (extra ? { ...obj, [extra[0]]: extra[1] } : obj));
  } else if (type === "array" && s.items) {
    base = fc.array(fuzzArb(s.items, depth + 1), { maxLength: 4 });
  } else base = validArb(s, depth);
  return fc.oneof({ weight: 6, arbitrary: base }, { weight: 1, arbitrary: edgeValue });
}

/** One schema-valid value, the same for the same seed; with `requiredOnly`, objects carry their required fields only. */
export function sampleValid(s: JsonSchema | undefined, seed: number, requiredOnly = false): unknown {
  return fc.sample(validArb(s, 0, requiredOnly), { seed, numRuns: 1 })[0];
}
