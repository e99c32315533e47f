import { and, eq, sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, companyId, createdAt, id, tstz } from "../../../platform/db/columns.js";
import { units } from "../units/units.table.js";

/**
 * People the company holds data about. Phone, email, date of birth and ID number are encrypted with the
 * person's own data key (wrapped by the master key); phone and email are found through blind indexes.
 */
export const residents = pgTable(
  "residents",
  {
    companyId: companyId(),
    id: id(),
    fullName: text("full_name").notNull(),
    /** The name without diacritics, lower-cased, for accent-insensitive search ("nguyen van a"). */
    nameSearch: text("name_search").notNull(),
    dataKey: bytea("data_key"),
    phoneEnc: bytea("phone_enc"),
    phoneBidx: text("phone_bidx"),
    emailEnc: bytea("email_enc"),
    emailBidx: text("email_bidx"),
    dateOfBirthEnc: bytea("date_of_birth_enc"),
    idNumberEnc: bytea("id_number_enc"),
    nationality: text("nationality"),
    preferredLang: text("preferred_lang").notNull().default("vi"),
    contactAddress: text("contact_address"),
    accountId: uuid("account_id"),
    /** Set while the person has asked that their data be kept but not used (DESIGN §3 restriction). */
    restrictedAt: tstz("restricted_at"),
    /** Erasure was asked for and part of the data is still held (a hold); the job finishes when it lifts. */
    erasurePendingSince: tstz("erasure_pending_since"),
    erasedAt: tstz("erased_at"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("residents_phone").on(t.companyId, t.phoneBidx),
    index("residents_email").on(t.companyId, t.emailBidx),
    /** The console's list order (name, newest first, then id for a stable page), walked page by page. */
    index("residents_name").on(t.companyId, t.nameSearch, t.createdAt.desc().nullsFirst(), t.id),
    check("residents_lang", sql`${t.preferredLang} in ('vi', 'en')`),
  ],
);

/** Who lives in or owns a unit, with dated move-in and move-out; rows are kept as history. */
export const householdMembers = pgTable(
  "household_members",
  {
    companyId: companyId(),
    id: id(),
    unitId: uuid("unit_id").notNull(),
    residentId: uuid("resident_id").notNull(),
    role: text("role").notNull(),
    relation: text("relation"),
    movedInOn: date("moved_in_on"),
    movedOutOn: date("moved_out_on"),
    leaseEndsOn: date("lease_ends_on"),
    /** Blind index of (unit, phone, name) or (unit, name, date of birth): how an import recognises the person. */
    matchKey: text("match_key"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    foreignKey({ columns: [t.companyId, t.residentId], foreignColumns: [residents.companyId, residents.id] }),
    uniqueIndex("household_members_active")
      .on(t.companyId, t.unitId, t.residentId)
      .where(sql`${t.movedOutOn} is null`),
    index("household_members_resident").on(t.companyId, t.residentId),
    /** Whether a resident lives in the company's units now (and where): the resident list's filter and count. */
    index("household_members_current")
      .on(t.companyId, t.residentId, t.unitId)
      .where(sql`${t.movedOutOn} is null`),
    uniqueIndex("household_members_match")
      .on(t.companyId, t.unitId, t.matchKey)
      .where(sql`${t.movedOutOn} is null and ${t.matchKey} is not null`),
    check("household_members_role", sql`${t.role} in ('owner', 'tenant', 'member')`),
  ],
);

/** Every time a staff member revealed a masked field: the access trail the privacy center shows the person. */
export const personalDataReveals = pgTable(
  "personal_data_reveals",
  {
    companyId: companyId(),
    id: id(),
    residentId: uuid("resident_id").notNull(),
    field: text("field").notNull(),
    actorAccountId: uuid("actor_account_id"),
    actorRole: text("actor_role"),
    requestId: text("request_id"),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    index("personal_data_reveals_resident").on(t.companyId, t.residentId),
  ],
);

/** Access and elevator cards issued to a resident for a unit; deactivated when they move out. */
export const accessCards = pgTable(
  "access_cards",
  {
    companyId: companyId(),
    id: id(),
    unitId: uuid("unit_id").notNull(),
    residentId: uuid("resident_id").notNull(),
    kind: text("kind").notNull(),
    number: text("number").notNull(),
    issuedOn: date("issued_on").notNull(),
    deactivatedOn: date("deactivated_on"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    foreignKey({ columns: [t.companyId, t.residentId], foreignColumns: [residents.companyId, residents.id] }),
    uniqueIndex("access_cards_number_active")
      .on(t.companyId, t.kind, t.number)
      .where(sql`${t.deactivatedOn} is null`),
    index("access_cards_resident").on(t.companyId, t.residentId),
    check("access_cards_kind", sql`${t.kind} in ('access', 'elevator')`),
  ],
);

/**
 * An owner's request to change what management records about the unit — its area, or its owner — which
 * takes effect only when management approves it.
 */
export const changeRequests = pgTable(
  "change_requests",
  {
    companyId: companyId(),
    id: id(),
    unitId: uuid("unit_id").notNull(),
    kind: text("kind").notNull(),
    status: text("status").notNull().default("pending"),
    requestedBy: uuid("requested_by"),
    proposedAreaM2: numeric("proposed_area_m2", { precision: 10, scale: 2 }),
    newOwnerName: text("new_owner_name"),
    /** The new owner's email or phone, encrypted with the system key until approval creates their record. */
    newOwnerContactEnc: bytea("new_owner_contact_enc"),
    transferOn: date("transfer_on"),
    note: text("note"),
    decidedBy: uuid("decided_by"),
    decidedAt: tstz("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    index("change_requests_status").on(t.companyId, t.status),
    check("change_requests_kind", sql`${t.kind} in ('area', 'ownership')`),
    check("change_requests_status_check", sql`${t.status} in ('pending', 'approved', 'rejected')`),
  ],
);

/** A problem management sees in an owner's member list; the owner (who keeps the list) resolves it. */
export const householdFlags = pgTable(
  "household_flags",
  {
    companyId: companyId(),
    id: id(),
    unitId: uuid("unit_id").notNull(),
    note: text("note").notNull(),
    raisedBy: uuid("raised_by"),
    raisedAt: tstz("raised_at").notNull().defaultNow(),
    resolvedBy: uuid("resolved_by"),
    resolvedAt: tstz("resolved_at"),
    resolution: text("resolution"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    foreignKey({ columns: [t.companyId, t.unitId], foreignColumns: [units.companyId, units.id] }),
    index("household_flags_unit").on(t.companyId, t.unitId),
  ],
);

/** Join conditions from a household membership to its unit and to its resident record (same company). */
export const memberUnit = and(
  eq(units.companyId, householdMembers.companyId),
  eq(units.id, householdMembers.unitId),
);
export const memberResident = and(
  eq(residents.companyId, householdMembers.companyId),
  eq(residents.id, householdMembers.residentId),
);
