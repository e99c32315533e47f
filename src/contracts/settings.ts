import { z } from "zod";
import { abilities, PageQuery, page, Uuid } from "./common.js";

/**
 * A Vietnamese tax code (mã số thuế): 10 digits for the company, 13 with a "-xxx" suffix for a branch
 * (`0312345678-001`). The message codes below are worded by the server in the caller's language.
 */
export const TAX_CODE = /^\d{10}(-\d{3})?$/;

/** Digits of a phone number as typed ("024 3825 1234", "+84 912.345.678"), +84 written as 0. */
export const phoneDigits = (typed: string) => typed.replace(/[\s.()-]/g, "").replace(/^\+84/, "0");

/** A Vietnamese phone a resident can call: a mobile (10 digits), a landline (02x, 11 digits) or 1800/1900. */
export const isVietnamesePhone = (typed: string) =>
  /^(0[35789]\d{8}|02\d{9}|1[89]00\d{4,6})$/.test(phoneDigits(typed));

const text = (max: number) => z.string().trim().max(max);

/** The company as its documents print it. Empty values are sent as null. */
export const CompanyProfileBody = z.object({
  name: text(120).min(2).describe("Short name people use: the console, messages"),
  legalName: text(200)
    .min(2)
    .nullable()
    .describe("Name registered with the tax office, printed on documents"),
  taxCode: z.string().trim().regex(TAX_CODE, { error: "TAX_CODE_INVALID" }).nullable(),
  address: text(300).min(5).nullable().describe("Registered office"),
  hotline: text(20)
    .refine(isVietnamesePhone, { error: "PHONE_FORMAT_INVALID" })
    .nullable()
    .describe("Phone residents call, e.g. 024 3825 1234 or 0912 345 678"),
  email: z.email({ error: "EMAIL_INVALID" }).max(254).nullable(),
});
export type CompanyProfileBody = z.infer<typeof CompanyProfileBody>;

/** The names messages go out under. */
export const SenderNamesBody = z.object({
  emailSenderName: text(80).min(2).nullable().describe('Display name of emails, e.g. "BQL Chung cư Demo"'),
  smsSenderName: text(30).min(2).nullable().describe("Signature at the end of SMS texts"),
});
export type SenderNamesBody = z.infer<typeof SenderNamesBody>;

export const CompanyProfile = CompanyProfileBody.extend({
  id: Uuid,
  /** Address of the logo image (changes with each new logo), or null without one. */
  logoUrl: z.string().nullable(),
  senders: SenderNamesBody,
  abilities: abilities("update"),
});
export type CompanyProfile = z.infer<typeof CompanyProfile>;

/** Largest logo accepted, in bytes. */
export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;

// --- audit log -----------------------------------------------------------------------------------------

/** A day in Vietnam's time zone, YYYY-MM-DD. */
const Day = z.iso.date();

export const AuditQuery = PageQuery.omit({ q: true }).extend({
  actorId: Uuid.optional().describe("Account that acted"),
  entity: z
    .string()
    .trim()
    .regex(/^[a-z_]{2,40}$/)
    .optional()
    .describe("Kind of record, e.g. resident, invoice"),
  entityId: z.string().trim().min(1).max(100).optional(),
  from: Day.optional().describe("First day, in Asia/Ho_Chi_Minh"),
  to: Day.optional().describe("Last day (included), in Asia/Ho_Chi_Minh"),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One changed field: before and after, or a single value (a count, a digest, a filter). */
export const AuditChange = z.object({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  value: z.unknown().optional(),
});

export const AuditEntry = z.object({
  id: z.number().int().describe("The entry's number in the company's chain (its seq): unique in the company"),
  seq: z.number().int().describe("Position in the company's chain"),
  at: z.string(),
  actor: z.object({ accountId: Uuid.nullable(), name: z.string().nullable(), role: z.string().nullable() }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.array(AuditChange).describe("personal data masked"),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = page(AuditEntry);

/** The people and kinds of record the log holds, for the filters. */
export const AuditFilters = z.object({
  actors: z.array(z.object({ accountId: Uuid, name: z.string() })),
  entities: z.array(z.string()),
});

export const AuditVerification = z.object({
  status: z.enum(["verified", "broken", "empty"]),
  /** Entries checked and found intact, from the first: the chain holds up to entry `verifiedThrough`. */
  verifiedThrough: z.number().int(),
  entries: z.number().int().describe("Entries in the chain"),
  broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  checkedAt: z.string(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
