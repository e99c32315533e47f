import { z } from "zod";

/** Languages the product speaks; Vietnamese is the default. */
export const Lang = z.enum(["vi", "en"]);
export type Lang = z.infer<typeof Lang>;

/** Roles a person holds inside one management company (DESIGN §1). */
export const CompanyRole = z.enum([
  "company_admin",
  "building_manager",
  "accountant",
  "owners_board",
  "technician",
  "customer_care",
  "resident",
  "partner",
]);
export type CompanyRole = z.infer<typeof CompanyRole>;

/** Roles a company admin may give by invitation to staff. */
export const StaffRole = CompanyRole.exclude(["resident", "partner"]);
export type StaffRole = z.infer<typeof StaffRole>;

/** Which part of the web app a context opens. */
export const Area = z.enum(["platform", "console", "resident", "partner"]);
export type Area = z.infer<typeof Area>;

export const Uuid = z.uuid();

/**
 * What the person may do with a record sent to them (`{ update: true, delete: false }`), as the server's policy
 * for its kind answers: the web shows the actions offered by these, not by the person's role.
 */
export const abilities = <const A extends string>(...actions: A[]) =>
  z
    .object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<A, z.ZodBoolean>)
    .describe("what the signed-in person may do with this record");

/** The one error shape every failing request answers with (DESIGN §4). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe("Stable machine-readable code, e.g. INVALID_CREDENTIALS"),
    message: z.string().describe("Human-readable message in the caller's language"),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Server-side pagination for every list. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const IdParams = z.object({ id: Uuid });

/** A 204 answer: no body. */
export const NoContent = z.null().describe("Done; no content");
/** A 303 answer: no body, the browser follows the Location header (back to the web app). */
export const SeeOther = z.null().describe("See other: the Location header leads back to the web app");

/**
 * A download's answer for the OpenAPI document: the file's bytes in the given content type (the server sends a
 * buffer or a stream, which no serializer touches).
 */
export const fileAnswer = (contentType: string, description: string) => ({
  description,
  // any: the handler sends a Buffer or a stream; the document says binary.
  content: { [contentType]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
});
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** An acknowledgement whose fields depend on the case (e.g. where a code was sent). */
export const Acknowledged = z.looseObject({}).describe("Done; the fields say what was done");
