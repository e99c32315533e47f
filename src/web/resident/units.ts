import { useQueries } from "@tanstack/react-query";
import { createContext, createElement, type ReactNode, useContext, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { useSignedInMe } from "../auth/session.js";
import { useFirstScreenShown } from "../firstScreen.js";
import { readStored, storeUnit } from "./storedUnit.js";

export type MyUnit = { unitId: string; code: string | null; label: string };

/** The signed-in resident's units with their codes, read from the units' households. */
function useMyUnits(): MyUnit[] {
  const { t } = useTranslation();
  const unitIds = useSignedInMe().current?.unitIds ?? [];
  const shown = useFirstScreenShown();
  const households = useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: ["household", unitId],
      queryFn: () => api.GET("/units/{id}/household", { params: { path: { id: unitId } } }),
      enabled: shown,
    })),
  });
  const codes = households.map((household) => household.data?.unitCode ?? "");
  const key = `${unitIds.join()}|${codes.join()}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids and their codes
  return useMemo(
    () =>
      unitIds.map((unitId, index) => {
        const code = codes[index] || null;
        return { unitId, code, label: code ? t("household.unit", { code }) : t("household.yourUnit") };
      }),
    [key, t],
  );
}

type Chosen = { unitId: string | undefined; choose: (unitId: string) => void };

const ChosenUnitContext = createContext<Chosen | null>(null);

/**
 * Holds the unit the resident chose to look at (remembered in the browser, the first one by default) for
 * the header's switcher and every page of the resident app. Only the id: the units' codes arrive later, and
 * what shows them asks for them (useChosenUnit), so their arrival does not render the whole app again.
 */
export function ChosenUnitProvider({ children }: { children: ReactNode }) {
  const unitIds = useSignedInMe().current?.unitIds ?? [];
  const [stored, setStored] = useState(readStored);
  const unitId = unitIds.find((id) => id === stored) ?? unitIds[0];
  const value = useMemo(
    () => ({
      unitId,
      choose: (id: string) => {
        storeUnit(id);
        setStored(id);
      },
    }),
    [unitId],
  );
  return createElement(ChosenUnitContext.Provider, { value }, children);
}

function useChosen(): Chosen {
  const value = useContext(ChosenUnitContext);
  if (!value) throw new Error("used outside ChosenUnitProvider");
  return value;
}

/** The id of the unit being looked at, for what needs only that (its home, its notices). */
export function useChosenUnitId(): string | undefined {
  return useChosen().unitId;
}

/** The resident's units with their codes and the one being looked at (inside ChosenUnitProvider). */
export function useChosenUnit(): {
  units: MyUnit[];
  chosen: MyUnit | undefined;
  choose: (unitId: string) => void;
} {
  const { unitId, choose } = useChosen();
  const units = useMyUnits();
  return { units, chosen: units.find((unit) => unit.unitId === unitId), choose };
}
