import { z } from "zod";
import { Uuid } from "./common.js";
import { IsoDate, VehicleType } from "./registry.js";

/*
 * The resident's home (GET /me/home): each module's card declares its data here, and the endpoint's answer is
 * built from the cards the modules in the app declare (a module added later adds its card the same way).
 */

export const HomeQuery = z.object({ unitId: Uuid });

/** Billing: what the unit owes now, and the oldest notice to pay first. */
export const AmountDueCard = z.object({
  due: z.number().int().describe("VND still due on the unit's issued notices"),
  openCount: z.number().int(),
  oldestInvoiceId: Uuid,
  oldestDueOn: IsoDate.nullable(),
  overdue: z.boolean().describe("the oldest open notice is past its due date"),
});

/** Announcements: those of the unit's building the person has not read yet, the latest first. */
export const AnnouncementsCard = z.object({
  unread: z.number().int(),
  latest: z.array(z.object({ id: Uuid, title: z.string(), sentAt: z.string() })),
});

/** Registry: the household's requests still waiting for management, and those decided lately. */
export const RequestsCard = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      kind: z.enum(["vehicle", "area", "ownership"]),
      /** The plate-free words of what was asked: a vehicle's type, a change's kind. */
      vehicleType: VehicleType.nullable(),
      status: z.enum(["pending", "approved", "rejected"]),
      createdAt: z.string(),
    }),
  ),
});

/** Tickets: the resident's tickets about the unit still open, and those resolved waiting for a rating. */
export const TicketsCard = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      number: z.number().int(),
      title: z.string(),
      status: z.enum(["new", "acknowledged", "in_progress", "waiting", "resolved", "reopened"]),
      updatedAt: z.string(),
    }),
  ),
});

/** Reception: parcels waiting for the household. */
export const ParcelsCard = z.object({ waiting: z.number().int() });

/** The library: documents (building rules) the person has still to read and acknowledge. */
export const DocumentsCard = z.object({ toAcknowledge: z.number().int(), firstId: Uuid });

/** A shortcut on the home to a page of the resident app. */
export const HomeAction = z.object({ key: z.string(), to: z.string() });

/** One card: `key` tells the web how to draw `data`. */
export const homeCard = <K extends string, T extends z.ZodType>(key: K, data: T) =>
  z.object({ key: z.literal(key), data });

/** The home's answer for the given cards (the modules' declarations, in the app's module order). */
export const homeAnswer = (cards: readonly { key: string; data: z.ZodType }[]) =>
  z.object({
    unitId: Uuid,
    unitCode: z.string(),
    cards: z.array(
      cards.length === 0
        ? z.never()
        : z.union(cards.map((c) => homeCard(c.key, c.data)) as unknown as [z.ZodType, ...z.ZodType[]]),
    ),
    actions: z.array(HomeAction),
    tabs: z.array(z.string()).describe("the resident app's tabs some module fills, besides home and account"),
  });
