import { Anchor, Button, Center, EmptyState, Group, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { Building, Unit } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { ConfirmModal } from "../../components/ConfirmModal.js";
import { FormError } from "../../components/forms.js";
import { IconBuilding } from "../../components/icons.js";
import { useAbilities } from "../access.js";
import { useBuilding } from "../buildings/buildings.js";
import { FloorPlan } from "./FloorPlan.js";
import { ExportMenu, ImportButton } from "./RegistryImport.js";
import { UnitDrawer } from "./UnitDrawer.js";
import { UnitFormModal } from "./UnitFormModal.js";
import { StatusLegend } from "./UnitStatus.js";
import { UnitTable } from "./UnitTable.js";
import { invalidateUnits, UNITS_PATH, useFloorGrid } from "./units.js";

const TABS = ["plan", "list"] as const;
type Tab = (typeof TABS)[number];

/** What is open over the page: the create or edit form, or the delete confirmation. */
type Dialog =
  | { kind: "create"; block?: string }
  | { kind: "edit"; unit: Unit }
  | { kind: "delete"; unit: Unit };

function BuildingUnits({ building }: { building: Building }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canManage = useAbilities()("unit", "create");
  const grid = useFloorGrid(building.id);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "list" ? "list" : "plan";
  const openUnit = params.get("unit");
  // The console's inbox links here with ?tab=list&flagged=true: the units whose household has a flag open.
  const flaggedParam = params.get("flagged");
  const flagged = flaggedParam === "true" || flaggedParam === "false" ? flaggedParam : "";
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const setParam = (key: string, value: string | null, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace },
    );
  const open = (unitId: string) => setParam("unit", unitId);
  const closeUnit = () => setParam("unit", null, true);
  const create = (block?: string) => setDialog({ kind: "create", block });

  const empty = (
    <EmptyState
      icon={<IconBuilding size={32} />}
      variant="light"
      title={t("units.emptyTitle")}
      description={canManage ? t("units.empty") : t("units.emptyStaff")}
      py="xl"
    >
      {canManage && (
        <EmptyState.Actions>
          <Button onClick={() => create()}>{t("units.create")}</Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Stack gap={6}>
          <Anchor component={Link} to="/console/buildings" size="sm">
            ← {t("buildings.all")}
          </Anchor>
          <Title order={1} size="h2">
            {building.name}
          </Title>
          <Text c="dimmed">{building.address}</Text>
          {grid.data && Object.values(grid.data.counts).some(Boolean) && (
            <StatusLegend counts={grid.data.counts} />
          )}
        </Stack>
        {canManage && (
          <Group gap="sm" align="flex-start">
            <ImportButton building={building} />
            <ExportMenu building={building} />
            <Button
              variant="default"
              component={Link}
              to={`/console/announcements/new?building=${building.id}`}
            >
              {t("announcements.open")}
            </Button>
            <Button onClick={() => create()}>{t("units.create")}</Button>
          </Group>
        )}
      </Group>

      <Tabs
        value={tab}
        onChange={(value) => setParam("tab", value === "list" ? "list" : null, true)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {value === "plan" ? t("units.floorPlan") : t("units.list")}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="plan">
          {grid.isPending ? (
            <Center py="xl">
              <Loader aria-label={t("common.loading")} />
            </Center>
          ) : grid.isError ? (
            <FormError error={grid.error} />
          ) : (
            <FloorPlan grid={grid.data} canManage={canManage} onOpen={open} onCreate={create} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="list">
          <UnitTable
            building={building}
            grid={grid.data}
            onOpen={open}
            flagged={flagged}
            onFlaggedChange={(value) => setParam("flagged", value || null, true)}
            empty={empty}
          />
        </Tabs.Panel>
      </Tabs>

      {openUnit && (
        <UnitDrawer
          unitId={openUnit}
          onClose={closeUnit}
          onEdit={(unit) => {
            closeUnit();
            setDialog({ kind: "edit", unit });
          }}
          onDelete={(unit) => setDialog({ kind: "delete", unit })}
        />
      )}
      {dialog?.kind === "create" && (
        <UnitFormModal building={building} block={dialog.block} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "edit" && (
        <UnitFormModal building={building} unit={dialog.unit} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "delete" && (
        <ConfirmModal
          title={t("units.deleteTitle")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.DELETE("/units/{id}", { params: { path: { id: dialog.unit.id } } });
            if (openUnit === dialog.unit.id) closeUnit();
            queryClient.removeQueries({ queryKey: [UNITS_PATH, dialog.unit.id] });
            await invalidateUnits(queryClient);
          }}
        >
          {t("units.deleteConfirm", { code: dialog.unit.code })}
        </ConfirmModal>
      )}
    </>
  );
}

/** A building: its name, address and units by status, then the floor plan and the unit list. */
export function BuildingPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const building = useBuilding(id);
  if (building.isPending) {
    return (
      <Center mih="40vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (building.isError) return <FormError error={building.error} />;
  return <BuildingUnits key={building.data.id} building={building.data} />;
}
