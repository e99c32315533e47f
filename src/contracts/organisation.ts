import { z } from "zod";
import { abilities, PageQuery, page, StaffRole, Uuid } from "./common.js";

export const BlockInput = z.object({
  name: z.string().trim().min(1).max(20).describe("Block (tòa) name as the building writes it, e.g. A"),
  floors: z.number().int().min(1).max(120),
});

export const BuildingBody = z.object({
  name: z.string().trim().min(2).max(120),
  address: z.string().trim().min(5).max(300),
  blocks: z.array(BlockInput).min(1).max(50),
});
export const BuildingPatch = BuildingBody.partial();

export const Building = z.object({
  id: Uuid,
  name: z.string(),
  address: z.string(),
  blocks: z.array(BlockInput),
  unitCount: z.number().int(),
  createdAt: z.string(),
  abilities: abilities("update", "delete", "announce"),
});
export type Building = z.infer<typeof Building>;
export const BuildingPage = page(Building);

/** Email address or Vietnamese phone number the invitation goes to. */
export const Contact = z.string().trim().min(3).max(254);

export const InvitationBody = z.object({
  contact: Contact,
  displayName: z.string().trim().min(1).max(120),
  role: StaffRole,
  buildingIds: z.array(Uuid).max(200).default([]),
});

export const InvitationStatus = z.enum(["pending", "accepted", "expired", "revoked"]);
export const Invitation = z.object({
  id: Uuid,
  displayName: z.string(),
  contact: z.string().describe("masked"),
  channel: z.enum(["email", "sms"]),
  role: z.string(),
  buildingIds: z.array(Uuid),
  status: InvitationStatus,
  expiresAt: z.string(),
  createdAt: z.string(),
});
export const InvitationPage = page(Invitation);
export const InvitationQuery = PageQuery.extend({ status: InvitationStatus.optional() });

export const StaffMember = z.object({
  id: Uuid.describe("membership id"),
  accountId: Uuid,
  displayName: z.string(),
  contact: z.string().nullable().describe("masked"),
  role: StaffRole,
  buildingIds: z.array(Uuid),
  status: z.enum(["active", "disabled"]),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffPage = page(StaffMember);
export const StaffPatch = z.object({
  role: StaffRole.optional(),
  buildingIds: z.array(Uuid).max(200).optional(),
  status: z.enum(["active", "disabled"]).optional(),
});

/** What an invitation link shows before it is accepted. */
export const InvitationPreview = z.object({
  /** Whose privacy policy and terms the person accepts by joining. */
  companyId: z.uuid(),
  companyName: z.string(),
  role: z.string(),
  displayName: z.string(),
  contact: z.string().describe("masked"),
  accountExists: z.boolean(),
  expiresAt: z.string(),
  /**
   * For a resident: the sentences the sign-up consent boxes show, in the caller's language — the same ones the
   * consent record keeps, so what is shown is what is recorded.
   */
  consentWording: z.object({ marketing: z.string(), analytics: z.string() }),
});
export const AcceptInvitationBody = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  password: z.string().min(1).max(200),
});

export const CompanyBody = z.object({
  name: z.string().trim().min(2).max(200),
  taxCode: z
    .string()
    .trim()
    .regex(/^\d{10}(-\d{3})?$/)
    .optional(),
  adminName: z.string().trim().min(1).max(120),
  adminContact: Contact,
});
export const Company = z.object({
  id: Uuid,
  name: z.string(),
  taxCode: z.string().nullable(),
  createdAt: z.string(),
  buildingCount: z.number().int(),
  staffCount: z.number().int(),
});
export type Company = z.infer<typeof Company>;
export const CompanyPage = page(Company);

export const Health = z.object({
  status: z.literal("ok"),
  db: z.enum(["pglite", "postgres"]),
  version: z.string(),
  demo: z.boolean(),
});

export const OutboxMessage = z.object({
  id: z.number().int(),
  at: z.string(),
  channel: z.enum(["email", "sms", "zalo", "push"]),
  to: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
});
export const OutboxList = z.object({ items: z.array(OutboxMessage) });
