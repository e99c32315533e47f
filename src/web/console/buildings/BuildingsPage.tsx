import { Anchor, Button, EmptyState, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Building } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { IconBuilding } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDate } from "../../format.js";
import { useAbilities } from "../access.js";
import { BuildingFormModal } from "./BuildingFormModal.js";
import { BUILDINGS_PATH } from "./buildings.js";

export function BuildingsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const can = useAbilities();
  const addsBuildings = can("building", "create");
  const list = usePagedList(BUILDINGS_PATH);
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [editing, setEditing] = useState<Building | null>(null);
  const [deleting, setDeleting] = useState<Building | null>(null);

  const columns: Column<Building>[] = [
    {
      header: t("buildings.name"),
      cell: (building) => (
        <Anchor component={Link} to={`/console/buildings/${building.id}`} fw={600}>
          {building.name}
        </Anchor>
      ),
    },
    { header: t("buildings.address"), cell: (building) => building.address },
    {
      header: t("buildings.blocks"),
      cell: (building) =>
        building.blocks
          .map((block) => t("buildings.blockSummary", { name: block.name, floors: block.floors }))
          .join(", "),
    },
    { header: t("buildings.units"), cell: (building) => building.unitCount },
    { header: t("common.createdAt"), cell: (building) => formatDate(building.createdAt) },
  ];
  if (can("building", "update") || can("building", "delete")) {
    columns.push({
      header: t("common.actions"),
      cell: (building) => (
        <Group gap={4} wrap="nowrap">
          {building.abilities.update && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setEditing(building)}
              aria-label={t("common.editNamed", { name: building.name })}
            >
              {t("common.edit")}
            </Button>
          )}
          {building.abilities.delete && (
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => setDeleting(building)}
              aria-label={t("common.deleteNamed", { name: building.name })}
            >
              {t("common.delete")}
            </Button>
          )}
        </Group>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t("buildings.title")}
        action={addsBuildings && <Button onClick={openCreate}>{t("buildings.create")}</Button>}
      />
      <PagedTable
        list={list}
        columns={columns}
        label={t("buildings.title")}
        searchLabel={t("common.search")}
        empty={
          <EmptyState
            icon={<IconBuilding size={32} />}
            variant="light"
            title={t("buildings.emptyTitle")}
            description={addsBuildings ? t("buildings.empty") : t("buildings.emptyStaff")}
          >
            {addsBuildings && (
              <EmptyState.Actions>
                <Button onClick={openCreate}>{t("buildings.create")}</Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        }
      />
      {creating && <BuildingFormModal onClose={closeCreate} />}
      {editing && <BuildingFormModal building={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmModal
          title={t("buildings.deleteTitle")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.DELETE("/buildings/{id}", { params: { path: { id: deleting.id } } });
            await queryClient.invalidateQueries({ queryKey: [BUILDINGS_PATH] });
          }}
        >
          {t("buildings.deleteConfirm", { name: deleting.name })}
        </ConfirmModal>
      )}
    </>
  );
}
