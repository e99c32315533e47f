import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useSignedInMe } from "../auth/session.js";
import { unitVehiclesPath, type VehicleList } from "../registry/registry.js";

/**
 * The signed-in resident's units with their codes when known. The household has no code, so it is
 * read from the unit's vehicles; a unit without vehicles is just "your unit".
 */
export function useMyUnits(): { unitId: string; label: string }[] {
  const { t } = useTranslation();
  const unitIds = useSignedInMe().current?.unitIds ?? [];
  const vehicles = useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: ["unit-vehicles", unitId],
      queryFn: () => api.get<VehicleList>(unitVehiclesPath(unitId)),
    })),
  });
  return unitIds.map((unitId, index) => {
    const code = vehicles[index]?.data?.items[0]?.unitCode;
    return { unitId, label: code ? t("household.unit", { code }) : t("household.yourUnit") };
  });
}
