import { useQueries } from "@tanstack/react-query";
import { createContext, createElement, type ReactNode, useContext, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useSignedInMe } from "../auth/session.js";
import { readStored, storeUnit } from "./storedUnit.js";

export type MyUnit = { unitId: string; code: string | null; label: string };

/** The signed-in resident's units with their codes, read from the units' households. */
export function useMyUnits(): MyUnit[] {
  const { t } = useTranslation();
  const unitIds = useSignedInMe().current?.unitIds ?? [];
  const households = useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: ["household", unitId],
      queryFn: () => api.GET("/units/{id}/household", { params: { path: { id: unitId } } }),
    })),
  });
  return unitIds.map((unitId, index) => {
    const code = households[index]?.data?.unitCode ?? null;
    return { unitId, code, label: code ? t("household.unit", { code }) : t("household.yourUnit") };
  });
}

type ChosenUnit = { units: MyUnit[]; chosen: MyUnit | undefined; choose: (unitId: string) => void };

const ChosenUnitContext = createContext<ChosenUnit | null>(null);

/**
 * Holds the unit the resident chose to look at (remembered in the browser, the first one by default) for
 * the header's switcher and every page of the resident app.
 */
export function ChosenUnitProvider({ children }: { children: ReactNode }) {
  const units = useMyUnits();
  const [stored, setStored] = useState(readStored);
  const chosen = units.find((unit) => unit.unitId === stored) ?? units[0];
  const choose = (unitId: string) => {
    storeUnit(unitId);
    setStored(unitId);
  };
  return createElement(ChosenUnitContext.Provider, { value: { units, chosen, choose } }, children);
}

/** The resident's units and the one being looked at (inside the resident app's ChosenUnitProvider). */
export function useChosenUnit(): ChosenUnit {
  const value = useContext(ChosenUnitContext);
  if (!value) throw new Error("useChosenUnit outside ChosenUnitProvider");
  return value;
}
