import { Button, Center, EmptyState, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { IconUsers } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { ApproveVehicleModal } from "../../registry/PromptModals.js";
import {
  type Household,
  householdPath,
  RESIDENTS_PATH,
  type ResidentListItem,
  useRegistryWords,
  VEHICLES_PATH,
  type Vehicle,
  type VehicleList,
} from "../../registry/registry.js";
import { useCanApproveVehicles, useCanEditRegistry } from "../access.js";
import { ChangeRequestQueue } from "./ChangeRequestQueue.js";

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
    queryFn: () => api.get<VehicleList>(VEHICLES_PATH, { status: "pending" }),
  });
  const unitIds = [...new Set(queue.data?.items.map((vehicle) => vehicle.unitId) ?? [])];
  const households = useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: ["household", unitId],
      queryFn: () => api.get<Household>(householdPath(unitId)),
    })),
  });
  const names = new Map<string, string>();
  for (const household of households) {
    for (const member of household.data?.members ?? [])
      names.set(member.resident.id, member.resident.fullName);
  }
  const ownerName = (vehicle: Vehicle) => names.get(vehicle.residentId) ?? "…";

  let body: ReactNode;
  if (queue.isPending) {
    body = (
      <Center py="lg">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  } else if (queue.isError) {
    body = <FormError error={queue.error} />;
  } else if (queue.data.items.length === 0) {
    body = (
      <Text c="dimmed" size="sm">
        {t("vehicles.pendingEmptyTitle")}. {t("vehicles.pendingEmpty")}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={t("vehicles.pendingTitle")} striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("vehicles.unit")}</Table.Th>
              <Table.Th scope="col">{t("vehicles.owner")}</Table.Th>
              <Table.Th scope="col">{t("vehicles.type")}</Table.Th>
              <Table.Th scope="col">{t("vehicles.plate")}</Table.Th>
              <Table.Th scope="col">{t("common.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.items.map((vehicle) => {
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
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="pending-vehicles">
      <Stack gap="sm">
        <Title order={2} size="h4" id="pending-vehicles">
          {t("vehicles.pendingTitle")}
          {queue.data && queue.data.items.length > 0 && ` (${queue.data.items.length})`}
        </Title>
        {body}
      </Stack>
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
    </Paper>
  );
}

/** The company's residents, searchable by name (without diacritics), phone, email or unit code. */
export function ResidentsPage() {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const canApprove = useCanApproveVehicles();
  const canDecideChanges = useCanEditRegistry();
  const residents = usePagedList<ResidentListItem>(RESIDENTS_PATH);

  const columns: Column<ResidentListItem>[] = [
    {
      header: t("residents.name"),
      cell: (r) => (
        <Text size="sm" fw={500}>
          {r.fullName}
        </Text>
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
    </Stack>
  );
}
