import { MultiSelect, NativeSelect } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { STAFF_ROLES, useRoleLabel } from "../../components/roles.js";
import { useAllBuildings } from "../buildings/buildings.js";

type Props = { role: GetInputPropsReturnType; buildingIds: GetInputPropsReturnType };

/** What a staff member may do and where: their role, and the buildings they look after. */
export function AccessFields({ role, buildingIds }: Props) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const buildings = useAllBuildings();
  return (
    <>
      <NativeSelect
        label={t("staff.role")}
        data={STAFF_ROLES.map((value) => ({ value, label: roleLabel(value) }))}
        {...role}
      />
      <MultiSelect
        label={t("staff.buildings")}
        description={t("staff.buildingsHint")}
        data={buildings.data?.items.map((building) => ({ value: building.id, label: building.name })) ?? []}
        searchable
        clearable
        nothingFoundMessage={t("common.nothingFound")}
        {...buildingIds}
      />
    </>
  );
}
