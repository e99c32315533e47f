import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useSignedInMe } from "../auth/session.js";
import { type Household, householdPath } from "../registry/registry.js";

/** The signed-in resident's units with their codes, read from the units' households. */
export function useMyUnits(): { unitId: string; label: string }[] {
  const { t } = useTranslation();
  const unitIds = useSignedInMe().current?.unitIds ?? [];
  const households = useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: ["household", unitId],
      queryFn: () => api.get<Household>(householdPath(unitId)),
    })),
  });
  return unitIds.map((unitId, index) => {
    const code = households[index]?.data?.unitCode;
    return { unitId, label: code ? t("household.unit", { code }) : t("household.yourUnit") };
  });
}
