import { type QueryClient, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { FloorGrid, Unit } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { formatArea, formatVnd } from "../../format.js";
import { BUILDINGS_PATH } from "../buildings/buildings.js";

export const UNITS_PATH = "/units";

export type UnitType = Unit["type"];
export type UnitStatus = Unit["status"];
export type GridUnit = FloorGrid["blocks"][number]["floors"][number]["units"][number];

/** In the order selects and legends show them. */
export const UNIT_TYPES: UnitType[] = ["apartment", "shophouse", "office", "parking"];
export const UNIT_STATUSES: UnitStatus[] = ["vacant", "occupied", "renovation"];

/** The building's floor grid; under the buildings path, so invalidating buildings refreshes it too. */
export function useFloorGrid(buildingId: string) {
  return useQuery({
    queryKey: [BUILDINGS_PATH, buildingId, "grid"],
    queryFn: () => api.GET("/buildings/{id}/grid", { params: { path: { id: buildingId } } }),
  });
}

export function useUnit(id: string) {
  return useQuery({
    queryKey: [UNITS_PATH, id],
    queryFn: () => api.GET("/units/{id}", { params: { path: { id } } }),
  });
}

/** After a unit changes: the lists, the unit, the grid, the counts and the buildings' unit counts. */
export async function invalidateUnits(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: [UNITS_PATH] }),
    queryClient.invalidateQueries({ queryKey: [BUILDINGS_PATH] }),
  ]);
}

/** The number part of a unit code, as the grid shows it in a floor's row: → 05. */
export function unitNumber(code: string): string {
  const parts = code.split(/[.\-/ ]/).filter(Boolean);
  return parts.length > 1 ? (parts.at(-1) ?? code) : code;
}

/** Words and numbers for units in the UI language. */
export function useUnitWords() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return {
    type: (type: UnitType) => t(`units.types.${type}`),
    status: (status: UnitStatus) => t(`units.statuses.${status}`),
    floor: (floor: number) =>
      floor < 0 ? t("units.basementName", { n: -floor }) : t("units.floorName", { floor }),
    block: (name: string) => t("units.blockName", { name }),
    area: (m2: number) => formatArea(m2, lang),
    vnd: (vnd: number) => formatVnd(vnd, lang),
    /** A grid cell's accessible name: "A-12.05, Đang ở, 72,3 m²". */
    cell: (unit: GridUnit) =>
      t("units.cell", {
        code: unit.code,
        status: t(`units.statuses.${unit.status}`),
        area: formatArea(unit.areaM2, lang),
      }),
  };
}
