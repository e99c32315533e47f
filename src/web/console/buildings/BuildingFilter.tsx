import { NativeSelect } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAllBuildings } from "./buildings.js";

/**
 * A list page's building filter: the select (only when the company has several buildings, else null), the
 * building chosen ("" for all) and the buildings' names for the rows.
 */
export function useBuildingFilter(label: string) {
  const { t } = useTranslation();
  const buildings = useAllBuildings();
  const [buildingId, setBuildingId] = useState("");
  const items = buildings.data?.items ?? [];
  const several = items.length > 1;
  const filter = several ? (
    <NativeSelect
      label={label}
      data={[{ value: "", label: t("common.all") }, ...items.map((b) => ({ value: b.id, label: b.name }))]}
      value={buildingId}
      onChange={(e) => setBuildingId(e.currentTarget.value)}
      w={{ base: "100%", xs: 220 }}
    />
  ) : null;
  return {
    buildingId,
    filter,
    several,
    buildingName: (id: string) => items.find((b) => b.id === id)?.name ?? "",
  };
}
