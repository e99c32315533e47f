import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyUnit } from "./units.js";

/** Picks which of the resident's units the page shows; nothing when they have only one. */
export function UnitSwitcher({
  units,
  chosen,
  choose,
}: {
  units: MyUnit[];
  chosen: MyUnit | undefined;
  choose: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  if (units.length < 2) return null;
  return (
    <Select
      label={t("resident.unitSwitcher")}
      data={units.map((unit) => ({ value: unit.unitId, label: unit.code ?? unit.label }))}
      value={chosen?.unitId ?? null}
      onChange={(value) => value && choose(value)}
      allowDeselect={false}
      maw={240}
    />
  );
}
