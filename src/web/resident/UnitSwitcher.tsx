import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useChosenUnit } from "./units.js";

/** The header's choice of which of the resident's units the app shows; nothing when they have only one. */
export function UnitSwitcher() {
  const { t } = useTranslation();
  const { units, chosen, choose } = useChosenUnit();
  if (units.length < 2) return null;
  return (
    <Select
      aria-label={t("resident.unitSwitcher")}
      data={units.map((unit) => ({ value: unit.unitId, label: unit.code ?? unit.label }))}
      value={chosen?.unitId ?? null}
      onChange={(value) => value && choose(value)}
      allowDeselect={false}
      size="sm"
      w={140}
    />
  );
}
