import { Anchor, Button, EmptyState, Stack, Table, Text } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api.js";
import { IconUsers } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { ApproveVehicleModal } from "../../registry/PromptModals.js";
import {
  RESIDENTS_PATH,
  type ResidentListItem,
  useRegistryWords,
  VEHICLES_PATH,
  type Vehicle,
} from "../../registry/registry.js";
import { useAbilities } from "../access.js";
import { ChangeRequestQueue } from "./ChangeRequestQueue.js";
import { QueueSection } from "./QueueSection.js";
import { ResidentDrawer } from "./ResidentDrawer.js";

/** The queue the console's inbox links to (`?queue=vehicles|changes`): brought into view once it is there. */
function useQueueInView() {
  const [params] = useSearchParams();
  const queue = params.get("queue");
  useEffect(() => {
    const id = queue === "vehicles" ? "pending-vehicles" : queue === "changes" ? "pending-changes" : null;
    if (!id) return;
    const heading = document.getElementById(id);
    heading?.scrollIntoView({ block: "start" });
  }, [queue]);
}

/**
 * Vehicles residents registered in the app, waiting for the management's approval. The queue holds the
 * owner's id only, so names come from the units' households.
 */
function PendingVehicles() {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const [approving, setApproving] = useState<Vehicle | null>(null);
  const queue = useQuery({
    queryKey: [VEHICLES_PATH, { status: "pending" }],
    queryFn: () => api.GET(VEHICLES_PATH, { params: { query: { status: "pending" } } }),
  });
  const unitIds = [...new Set(queue.data?.items.map((vehicle) => vehicle.unitId) ?? [])];
  const households = useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: ["household", unitId],
      queryFn: () => api.GET("/units/{id}/household", { params: { path: { id: unitId } } }),
    })),
  });
  const names = new Map<string, string>();
  for (const household of households) {
    for (const member of household.data?.members ?? [])
      names.set(member.resident.id, member.resident.fullName);
  }
  const ownerName = (vehicle: Vehicle) => names.get(vehicle.residentId) ?? "…";

  return (
    <QueueSection
      id="pending-vehicles"
      title={t("vehicles.pendingTitle")}
      empty={`${t("vehicles.pendingEmptyTitle")}. ${t("vehicles.pendingEmpty")}`}
      query={queue}
      minWidth={560}
      head={
        <Table.Tr>
          <Table.Th scope="col">{t("vehicles.unit")}</Table.Th>
          <Table.Th scope="col">{t("vehicles.owner")}</Table.Th>
          <Table.Th scope="col">{t("vehicles.type")}</Table.Th>
          <Table.Th scope="col">{t("vehicles.plate")}</Table.Th>
          <Table.Th scope="col">{t("common.actions")}</Table.Th>
        </Table.Tr>
      }
      row={(vehicle) => {
        const plate = words.plate(vehicle);
        return (
          <Table.Tr key={vehicle.id}>
            <Table.Td>{vehicle.unitCode}</Table.Td>
            <Table.Td>{ownerName(vehicle)}</Table.Td>
            <Table.Td>
              {words.vehicleType(vehicle.type)}
              {(vehicle.brand || vehicle.colour) && (
                <Text size="sm" c="dimmed">
                  {[vehicle.brand, vehicle.colour].filter(Boolean).join(", ")}
                </Text>
              )}
            </Table.Td>
            <Table.Td ff="monospace">{plate}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                onClick={() => setApproving(vehicle)}
                aria-label={t("vehicles.approveNamed", { plate })}
              >
                {t("vehicles.approve")}
              </Button>
            </Table.Td>
          </Table.Tr>
        );
      }}
    >
      {approving && (
        <ApproveVehicleModal
          vehicle={approving}
          description={t("vehicles.approveText", {
            vehicle: `${words.vehicleType(approving.type)} ${words.plate(approving)} (${approving.unitCode})`,
            owner: ownerName(approving),
          })}
          onClose={() => setApproving(null)}
        />
      )}
    </QueueSection>
  );
}

/** The company's residents, searchable by name (without diacritics), phone, email or unit code. */
export function ResidentsPage() {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const can = useAbilities();
  const canApprove = can("household", "approve_vehicle");
  const canDecideChanges = can("household", "decide_change");
  const residents = usePagedList(RESIDENTS_PATH);
  const [open, setOpen] = useState<ResidentListItem | null>(null);
  useQueueInView();

  const columns: Column<ResidentListItem>[] = [
    {
      header: t("residents.name"),
      cell: (r) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          onClick={() => setOpen(r)}
          aria-label={t("residents.openNamed", { name: r.fullName })}
        >
          {r.fullName}
        </Anchor>
      ),
    },
    { header: t("residents.phone"), cell: (r) => r.phone ?? "—" },
    {
      header: t("residents.units"),
      cell: (r) =>
        r.units.length === 0
          ? "—"
          : r.units.map((unit) => (
              <div key={`${unit.unitId}-${unit.role}`}>
                {t("residents.unitRole", { code: unit.code, role: words.role(unit.role) })}
              </div>
            )),
    },
  ];

  return (
    <Stack gap="lg">
      <div>
        <PageHeader title={t("residents.title")} />
        <Stack gap="md">
          {canApprove && <PendingVehicles />}
          {canDecideChanges && <ChangeRequestQueue />}
        </Stack>
      </div>
      <PagedTable
        list={residents}
        columns={columns}
        label={t("residents.list")}
        searchLabel={t("residents.search")}
        minWidth={560}
        onOpen={setOpen}
        empty={
          <EmptyState
            icon={<IconUsers size={32} />}
            variant="light"
            title={t("residents.emptyTitle")}
            description={t("residents.empty")}
            py="xl"
          />
        }
      />
      {open && <ResidentDrawer resident={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
