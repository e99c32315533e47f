import { z } from "zod";
import { Vnd } from "./billing.js";
import { abilities, PageQuery, page, Uuid } from "./common.js";
import { FileInfo } from "./files.js";
import { isVietnamesePhone } from "./settings.js";

const IsoDate = z.iso.date();

export const ServiceKind = z.enum([
  "cleaning",
  "repair",
  "parking_card",
  "access_card",
  "moving",
  "extra_parking",
  "other",
]);
/**
 * The service elevator's windows for moving in or out (Vietnam's time): one household per window, held by the
 * database when the request is scheduled.
 */
export const MovingWindow = z.enum(["morning", "afternoon"]);

/** A service of a building's catalogue, as a manager sets it up. */
export const ServiceBody = z.object({
  buildingId: Uuid,
  kind: ServiceKind,
  name: z.string().trim().min(2).max(80),
  description: z.string().trim().max(2000).optional(),
  /** Charged on the unit's fee notice once the service is done (0: free). */
  fee: Vnd.default(0),
  /** A manager approves each request before it is scheduled (an access card, moving); otherwise it is approved. */
  needsApproval: z.boolean().default(true),
  active: z.boolean().default(true),
});
export const ServicePatch = ServiceBody.omit({ buildingId: true }).partial();

export const Service = z.object({
  id: Uuid,
  buildingId: Uuid,
  kind: ServiceKind,
  name: z.string(),
  description: z.string().nullable(),
  fee: z.number().int(),
  needsApproval: z.boolean(),
  active: z.boolean(),
  can: abilities("update"),
});
export const ServiceList = page(Service);
export const ServiceListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  /** A resident's chosen unit: the services of its building. */
  unitId: Uuid.optional(),
});

export const ServiceRequestStatus = z.enum([
  "requested",
  "approved",
  "scheduled",
  "done",
  "rejected",
  "cancelled",
]);

export const ServiceRequestBody = z.object({
  serviceId: Uuid,
  unitId: Uuid,
  preferredOn: IsoDate,
  /** For moving: the elevator window asked for. */
  window: MovingWindow.optional(),
  note: z.string().trim().max(1000).optional(),
});

export const ServiceRequest = z.object({
  id: Uuid,
  buildingId: Uuid,
  serviceId: Uuid,
  serviceName: z.string(),
  kind: ServiceKind,
  unitId: Uuid,
  unitCode: z.string(),
  status: ServiceRequestStatus,
  preferredOn: z.string(),
  window: MovingWindow.nullable(),
  scheduledOn: z.string().nullable(),
  scheduledWindow: MovingWindow.nullable(),
  note: z.string().nullable(),
  /** Why it was refused or cancelled, or what the staff told the household. */
  reason: z.string().nullable(),
  fee: z.number().int(),
  requestedAt: z.string(),
  doneAt: z.string().nullable(),
  can: abilities("decide", "schedule", "complete", "cancel"),
});
export const ServiceRequestList = page(ServiceRequest);
export const ServiceRequestListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  unitId: Uuid.optional(),
  status: ServiceRequestStatus.optional(),
  /** Waiting for the staff: requested or approved (not yet scheduled). */
  open: z.coerce.boolean().optional(),
});

export const DecideBody = z.discriminatedUnion("approve", [
  z.object({ approve: z.literal(true) }),
  z.object({ approve: z.literal(false), reason: z.string().trim().min(3).max(500) }),
]);
export const ScheduleBody = z.object({ on: IsoDate, window: MovingWindow.optional() });
export const CancelRequestBody = z.object({ reason: z.string().trim().max(500).optional() });

export const RenovationStatus = z.enum(["requested", "approved", "rejected", "completed", "cancelled"]);

/** A household's renovation: who works, when, what, with the drawings (uploaded with purpose `renovation`). */
export const RenovationBody = z
  .object({
    unitId: Uuid,
    contractor: z.string().trim().min(2).max(120),
    contractorPhone: z.string().trim().max(20).refine(isVietnamesePhone, { error: "PHONE_FORMAT_INVALID" }),
    workers: z.number().int().min(1).max(50),
    startsOn: IsoDate,
    endsOn: IsoDate,
    description: z.string().trim().min(10).max(2000),
    documents: z.array(Uuid).max(5).default([]),
  })
  .refine((r) => r.endsOn >= r.startsOn, { path: ["endsOn"], error: "RENOVATION_DATES" });

export const Renovation = z.object({
  id: Uuid,
  buildingId: Uuid,
  unitId: Uuid,
  unitCode: z.string(),
  contractor: z.string(),
  contractorPhone: z.string(),
  workers: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  description: z.string(),
  documents: z.array(FileInfo),
  status: RenovationStatus,
  deposit: z.number().int(),
  /** What was kept of the deposit at the inspection, and why. */
  deducted: z.number().int(),
  reason: z.string().nullable(),
  inspectionNote: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  can: abilities("decide", "complete", "cancel"),
});
export const RenovationList = page(Renovation);
export const RenovationListQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  unitId: Uuid.optional(),
  status: RenovationStatus.optional(),
});

export const RenovationDecideBody = z.discriminatedUnion("approve", [
  /** The deposit is charged on the unit's fee notice. */
  z.object({ approve: z.literal(true), deposit: Vnd.default(0) }),
  z.object({ approve: z.literal(false), reason: z.string().trim().min(3).max(500) }),
]);
/** The inspection at the end: the deposit comes back, less what is kept for damage (with the reason). */
export const InspectionBody = z
  .object({
    note: z.string().trim().min(3).max(1000),
    deducted: Vnd.default(0),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((b) => b.deducted === 0 || (b.reason?.length ?? 0) >= 3, {
    path: ["reason"],
    error: "DEDUCTION_REASON",
  });
