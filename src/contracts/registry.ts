import { z } from "zod";
import { abilities, PageQuery, page, Uuid } from "./common.js";

export const UnitType = z.enum(["apartment", "shophouse", "office", "parking"]);
export const UnitStatus = z.enum(["vacant", "occupied", "renovation"]);

/** A unit's code as the building writes it, e.g. A-12.05 (stored trimmed and upper-cased). */
export const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\d][\p{L}\d.\-/ ]*$/u)
  .transform((v) => v.toUpperCase());

/** Usable area in m², positive, at most two decimal places. */
export const AreaM2 = z
  .number()
  .positive()
  .max(100_000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: "at most two decimal places" });

export const IsoDate = z.iso.date();

export const UnitBody = z.object({
  buildingId: Uuid,
  code: UnitCode,
  block: z.string().trim().min(1).max(20),
  floor: z.number().int().min(-10).max(200),
  type: UnitType.default("apartment"),
  areaM2: AreaM2,
  status: UnitStatus.default("vacant"),
  handoverDate: IsoDate.nullable().optional(),
  /** The 2% maintenance fund recorded for the unit, in VND. */
  maintenanceFundVnd: z.number().int().min(0).max(1e13).nullable().optional(),
  maintenanceFundPaidOn: IsoDate.nullable().optional(),
});
export const UnitPatch = UnitBody.omit({ buildingId: true }).partial();

export const Unit = z.object({
  id: Uuid,
  buildingId: Uuid,
  code: z.string(),
  block: z.string(),
  floor: z.number().int(),
  type: UnitType,
  areaM2: z.number(),
  status: UnitStatus,
  handoverDate: z.string().nullable(),
  maintenanceFundVnd: z.number().nullable(),
  maintenanceFundPaidOn: z.string().nullable(),
  createdAt: z.string(),
  abilities: abilities("update", "delete"),
});
export type Unit = z.infer<typeof Unit>;
/** A unit as lists show it: with its current owners' names (co-owners joined by commas), null when none. */
export const UnitListItem = Unit.extend({ owner: z.string().nullable() });
export type UnitListItem = z.infer<typeof UnitListItem>;
export const UnitPage = page(UnitListItem);

export const UnitQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  block: z.string().trim().max(20).optional(),
  floor: z.coerce.number().int().min(-10).max(200).optional(),
  status: UnitStatus.optional(),
  type: UnitType.optional(),
  /** Only units whose household has a flag not resolved yet (the console's inbox links here). */
  flagged: z.enum(["true", "false"]).optional(),
  sort: z.enum(["code", "-code", "floor", "-floor", "area", "-area"]).default("code"),
});

/** A building as a floor-by-unit grid, per block, top floor first. */
export const FloorGrid = z.object({
  buildingId: Uuid,
  blocks: z.array(
    z.object({
      name: z.string(),
      floors: z.array(
        z.object({
          floor: z.number().int(),
          units: z.array(
            z.object({ id: Uuid, code: z.string(), status: UnitStatus, type: UnitType, areaM2: z.number() }),
          ),
        }),
      ),
    }),
  ),
  counts: z.object({ vacant: z.number().int(), occupied: z.number().int(), renovation: z.number().int() }),
});
export type FloorGrid = z.infer<typeof FloorGrid>;

/** How a person belongs to a unit's household. */
export const HouseholdRole = z.enum(["owner", "tenant", "member"]);
export const PersonalField = z.enum(["phone", "email", "dateOfBirth", "idNumber"]);

export const ResidentBody = z.object({
  fullName: z.string().trim().min(1).max(120),
  phone: z.string().trim().max(20).nullable().optional(),
  email: z.string().trim().max(254).nullable().optional(),
  dateOfBirth: IsoDate.nullable().optional(),
  /** CCCD or passport number, for temporary-residence registration only (sensitive). */
  idNumber: z.string().trim().min(6).max(20).nullable().optional(),
  nationality: z.string().trim().length(2).toUpperCase().nullable().optional(),
  preferredLang: z.enum(["vi", "en"]).default("vi"),
  contactAddress: z.string().trim().max(300).nullable().optional(),
});
export const ResidentPatch = ResidentBody.partial();

export const HouseholdMemberBody = ResidentBody.extend({
  role: HouseholdRole,
  relation: z.string().trim().max(40).nullable().optional(),
  movedInOn: IsoDate.nullable().optional(),
  leaseEndsOn: IsoDate.nullable().optional(),
});

/** A resident as staff lists them: contacts masked; the full value is revealed one field at a time. */
export const Resident = z.object({
  id: Uuid,
  fullName: z.string(),
  phone: z.string().nullable().describe("masked"),
  email: z.string().nullable().describe("masked"),
  hasDateOfBirth: z.boolean(),
  hasIdNumber: z.boolean(),
  nationality: z.string().nullable(),
  preferredLang: z.enum(["vi", "en"]),
  contactAddress: z.string().nullable(),
  createdAt: z.string(),
});
export type Resident = z.infer<typeof Resident>;

export const HouseholdMember = z.object({
  id: Uuid,
  role: HouseholdRole,
  relation: z.string().nullable(),
  movedInOn: z.string().nullable(),
  movedOutOn: z.string().nullable(),
  leaseEndsOn: z.string().nullable(),
  /** Whether this member is the signed-in person (so the app knows if they are the owner). */
  you: z.boolean(),
  /** Whether the person already has an account in the app (no invitation to offer then). */
  usesApp: z.boolean(),
  resident: Resident,
});
export const Household = z.object({ unitId: Uuid, unitCode: z.string(), members: z.array(HouseholdMember) });

export const ResidentListItem = Resident.extend({
  units: z.array(z.object({ unitId: Uuid, buildingId: Uuid, code: z.string(), role: HouseholdRole })),
});
export const ResidentPage = page(ResidentListItem).extend({
  /**
   * True when more residents match than `total`: the count stops a few pages past the one asked for (at
   * 1,000 at least), so the list says "more than {total}".
   */
  totalCapped: z.boolean(),
});
export const ResidentQuery = PageQuery.extend({ buildingId: Uuid.optional() });

export const RevealBody = z.object({ field: PersonalField });
export const Revealed = z.object({ field: PersonalField, value: z.string().nullable() });

export const VehicleType = z.enum(["car", "motorbike", "electric_motorbike", "bicycle", "electric_car"]);
export const VehicleStatus = z.enum(["pending", "active", "inactive"]);

export const VehicleBody = z.object({
  /** The household member the vehicle belongs to. */
  residentId: Uuid,
  type: VehicleType,
  /** Required for every type but bicycles; normalised and checked against the type's plate format. */
  plate: z.string().trim().max(20).nullable().optional(),
  colour: z.string().trim().max(40).nullable().optional(),
  brand: z.string().trim().max(60).nullable().optional(),
  parkingCard: z.string().trim().max(40).nullable().optional(),
  activeFrom: IsoDate.nullable().optional(),
});
export const VehiclePatch = VehicleBody.omit({ residentId: true, type: true }).partial();

export const Vehicle = z.object({
  id: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  residentId: Uuid,
  type: VehicleType,
  plate: z.string().nullable().describe("formatted, e.g. 51A-123.45"),
  colour: z.string().nullable(),
  brand: z.string().nullable(),
  parkingCard: z.string().nullable(),
  status: VehicleStatus,
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  /** 1 for the unit's first active vehicle of this type, 2 for the second… (fees may differ by rank). */
  rank: z.number().int().nullable(),
});
export type Vehicle = z.infer<typeof Vehicle>;
export const VehicleList = z.object({ items: z.array(Vehicle) });
/** Vehicles by exact plate, or by status (management's queue of registrations waiting for approval). */
export const VehicleSearch = z
  .object({
    plate: z.string().trim().min(4).max(20).optional(),
    status: VehicleStatus.optional(),
    buildingId: Uuid.optional(),
  })
  .refine((q) => q.plate || q.status, { message: "plate or status", path: ["plate"] });

/** Registry import: which file it is, and whether to write or only preview. */
const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");
export const ImportSheet = z.enum(["units", "residents", "vehicles"]);
export const ImportQuery = z.object({
  dryRun: flag,
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  /**
   * Which sheet a CSV file holds, when its header row does not say (the headers decide when they match a
   * sheet); ignored for an .xlsx workbook, whose sheets are recognised by their headers or names.
   */
  sheet: ImportSheet.optional(),
});
export const ExportQuery = z.object({
  /** Phones, emails and dates of birth in full (needs re-confirmation; recorded per person). */
  withContacts: flag,
});

const ImportCounts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
});
export const ImportResult = z.object({
  dryRun: z.boolean(),
  counts: z.object({ units: ImportCounts, residents: ImportCounts, vehicles: ImportCounts }),
  /** The first changes (at most 20), for a preview. */
  sample: z.array(
    z.object({
      sheet: ImportSheet,
      row: z.number().int(),
      action: z.enum(["create", "update"]),
      key: z.string(),
    }),
  ),
});

export const BulkInvitationBody = z.object({
  /** Only these units of the building (e.g. the ones just imported); all of them when absent. */
  unitIds: z.array(Uuid).min(1).max(20_000).optional(),
});
/** What a bulk invitation did: how many were queued, and why the others were not invited. */
export const BulkInvitationResult = z.object({
  queued: z.number().int(),
  alreadyLinked: z.number().int(),
  alreadyInvited: z.number().int(),
  noContact: z.number().int(),
  /** Family members sharing a phone or email with someone invited (one invitation between them). */
  sharedContact: z.number().int(),
});
export type BulkInvitationResult = z.infer<typeof BulkInvitationResult>;

/** One field of personal data held about the person, with why it is held and how long. */
export const HeldField = z.object({
  field: z.string(),
  value: z.string().nullable(),
  purposes: z.array(z.object({ id: z.string(), name: z.string() })),
  retention: z.string(),
});
/** What the company holds about the signed-in resident, and who has seen it (DESIGN §3 "my data"). */
export const MyData = z.object({
  purposesVersion: z.string(),
  records: z.array(
    z.object({
      residentId: Uuid,
      fields: z.array(HeldField),
      households: z.array(
        z.object({
          unitCode: z.string(),
          role: HouseholdRole,
          movedInOn: z.string().nullable(),
          movedOutOn: z.string().nullable(),
        }),
      ),
      vehicles: z.array(
        z.object({
          type: VehicleType,
          plate: z.string().nullable(),
          parkingCard: z.string().nullable(),
          status: VehicleStatus,
        }),
      ),
      accessCards: z.array(
        z.object({
          kind: z.enum(["access", "elevator"]),
          number: z.string(),
          deactivatedOn: z.string().nullable(),
        }),
      ),
      /** The fee notices of the person's units while they lived there, and what was paid. */
      invoices: z.array(
        z.object({
          code: z.string(),
          number: z.string().nullable(),
          unitCode: z.string(),
          period: z.string(),
          billTo: z.string().nullable(),
          total: z.number().int(),
          paid: z.number().int(),
          status: z.string(),
        }),
      ),
      payments: z.array(
        z.object({
          unitCode: z.string(),
          method: z.string(),
          amount: z.number().int(),
          receiptNumber: z.string().nullable(),
          receivedAt: z.string(),
        }),
      ),
      seenBy: z.array(z.object({ field: z.string(), role: z.string().nullable(), at: z.string() })),
      /** Releases to anyone outside the building's staff: partners, providers, agencies. */
      disclosures: z.array(
        z.object({
          recipient: z.string(),
          recipientKind: z.string(),
          fields: z.array(z.string()),
          purpose: z.string(),
          legalBasis: z.string(),
          at: z.string(),
        }),
      ),
      restrictedAt: z.string().nullable(),
    }),
  ),
  /** The person's account on the installation (shared by every company they deal with). */
  account: z
    .object({
      displayName: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      lang: z.string(),
      createdAt: z.string(),
      sessions: z.array(
        z.object({ device: z.string().nullable(), ip: z.string().nullable(), lastUsedAt: z.string() }),
      ),
    })
    .nullable(),
  consents: z.array(
    z.object({
      purpose: z.string(),
      policyVersion: z.string(),
      givenAt: z.string(),
      withdrawnAt: z.string().nullable(),
      channel: z.string(),
      wording: z.string(),
    }),
  ),
  requests: z.array(
    z.object({ kind: z.string(), status: z.string(), createdAt: z.string(), dueAt: z.string() }),
  ),
  /** The conversations the person opened with the management, every message in them. */
  conversations: z
    .array(
      z.object({
        topic: z.string(),
        unitCode: z.string(),
        status: z.string(),
        openedAt: z.string(),
        messages: z.array(
          z.object({ fromStaff: z.boolean(), body: z.string(), at: z.string(), photos: z.number().int() }),
        ),
      }),
    )
    .default([]),
  /** The tickets the person reported, with what they and the management wrote in them (no internal notes). */
  tickets: z
    .array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        category: z.string(),
        unitCode: z.string(),
        status: z.string(),
        openedAt: z.string(),
        description: z.string(),
        photos: z.number().int(),
        rating: z.number().int().nullable(),
        ratingComment: z.string().nullable(),
        messages: z.array(
          z.object({ fromStaff: z.boolean(), body: z.string(), at: z.string(), photos: z.number().int() }),
        ),
      }),
    )
    .default([]),
  /** The guests the person registered at reception (their names and plates, which the guests gave them). */
  guestPasses: z
    .array(
      z.object({
        guestName: z.string(),
        guests: z.number().int(),
        plate: z.string().nullable(),
        unitCode: z.string(),
        validFrom: z.string(),
        validUntil: z.string(),
        usedAt: z.string().nullable(),
      }),
    )
    .default([]),
  /** The amenity bookings the person made, with what the household was charged. */
  bookings: z
    .array(
      z.object({
        amenity: z.string(),
        unitCode: z.string(),
        startsAt: z.string(),
        status: z.string(),
        guests: z.number().int(),
        note: z.string().nullable(),
        fee: z.number().int(),
        deposit: z.number().int(),
      }),
    )
    .default([]),
  /** The services the person asked for, with their note. */
  serviceRequests: z
    .array(
      z.object({
        service: z.string(),
        unitCode: z.string(),
        preferredOn: z.string(),
        status: z.string(),
        note: z.string().nullable(),
        fee: z.number().int(),
      }),
    )
    .default([]),
  /** The renovations the person registered, with the contractor they named. */
  renovations: z
    .array(
      z.object({
        unitCode: z.string(),
        contractor: z.string(),
        contractorPhone: z.string().nullable(),
        startsOn: z.string(),
        endsOn: z.string(),
        status: z.string(),
        deposit: z.number().int(),
      }),
    )
    .default([]),
  /** The marketplace orders the person placed: what, from whom, the note and the rating they gave. */
  orders: z
    .array(
      z.object({
        code: z.string(),
        partner: z.string(),
        unitCode: z.string(),
        placedAt: z.string(),
        status: z.string(),
        total: z.number().int(),
        note: z.string().nullable(),
        rating: z.number().int().nullable(),
        ratingComment: z.string().nullable(),
      }),
    )
    .default([]),
  /** The documents (building rules) the person read and acknowledged, with the version. */
  documentAcknowledgements: z
    .array(z.object({ document: z.string(), version: z.number().int(), acknowledgedAt: z.string() }))
    .default([]),
  /** Parcels reception received for the person's households. */
  parcels: z
    .array(
      z.object({
        unitCode: z.string(),
        carrier: z.string(),
        receivedAt: z.string(),
        pickedUpAt: z.string().nullable(),
      }),
    )
    .default([]),
  /** How the person chose to be told, the browsers that receive push, and how many messages were sent. */
  notifications: z
    .object({
      choices: z.record(z.string(), z.boolean()),
      quietHours: z.object({ from: z.string(), to: z.string() }).nullable(),
      devices: z.array(z.object({ label: z.string().nullable(), since: z.string() })),
      deliveries: z.number().int(),
    })
    .nullable()
    .default(null),
});

export const AccessCardKind = z.enum(["access", "elevator"]);
export const AccessCardBody = z.object({
  kind: AccessCardKind,
  number: z.string().trim().min(1).max(40),
  issuedOn: IsoDate.optional(),
});
export const AccessCard = z.object({
  id: Uuid,
  unitId: Uuid,
  residentId: Uuid,
  kind: AccessCardKind,
  number: z.string(),
  issuedOn: z.string(),
  deactivatedOn: z.string().nullable(),
});
export const AccessCardList = z.object({ items: z.array(AccessCard) });

/** An owner asks management to change the unit's recorded area or its owner; it applies on approval. */
export const ChangeRequestBody = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("area"), areaM2: AreaM2, note: z.string().trim().max(500).optional() }),
  z.object({
    kind: z.literal("ownership"),
    newOwnerName: z.string().trim().min(1).max(120),
    /** Email or phone of the new owner, for their invitation to the app. */
    newOwnerContact: z.string().trim().max(254).optional(),
    transferOn: IsoDate,
    note: z.string().trim().max(500).optional(),
  }),
]);
export const ChangeRequest = z.object({
  id: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  kind: z.enum(["area", "ownership"]),
  status: z.enum(["pending", "approved", "rejected"]),
  proposedAreaM2: z.number().nullable(),
  currentAreaM2: z.number(),
  newOwnerName: z.string().nullable(),
  transferOn: z.string().nullable(),
  note: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;
export const ChangeRequestList = z.object({ items: z.array(ChangeRequest) });
export const DecisionBody = z.object({ note: z.string().trim().max(500).optional() });

export const HouseholdFlagBody = z.object({ note: z.string().trim().min(3).max(500) });
export const HouseholdFlag = z.object({
  id: Uuid,
  unitId: Uuid,
  note: z.string(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export const HouseholdFlagList = z.object({ items: z.array(HouseholdFlag) });
export const ResolveFlagBody = z.object({ resolution: z.string().trim().max(500).optional() });
