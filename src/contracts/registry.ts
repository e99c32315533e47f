import { z } from "zod";
import { PageQuery, page, Uuid } from "./common.js";

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
});
export type Unit = z.infer<typeof Unit>;
export const UnitPage = page(Unit);

export const UnitQuery = PageQuery.extend({
  buildingId: Uuid.optional(),
  block: z.string().trim().max(20).optional(),
  floor: z.coerce.number().int().min(-10).max(200).optional(),
  status: UnitStatus.optional(),
  type: UnitType.optional(),
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
