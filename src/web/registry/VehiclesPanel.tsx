import { Button, Center, EmptyState, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { ItemList } from "../components/ItemList.js";
import { IconClipboard } from "../components/icons.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { formatDay } from "../format.js";
import { ApproveVehicleModal, DateConfirmModal } from "./PromptModals.js";
import {
  invalidateVehicles,
  isCurrent,
  useHousehold,
  useRegistryWords,
  useUnitVehicles,
  VEHICLE_TONES,
  type Vehicle,
} from "./registry.js";
import { VehicleFormModal } from "./VehicleFormModal.js";

type Props = {
  unitId: string;
  mode: "staff" | "resident";
  /** Staff who keep the registry: register (active at once) and stop vehicles. */
  canEdit: boolean;
  /** Staff who approve residents' registrations. */
  canApprove: boolean;
};

type Dialog =
  | { kind: "register" }
  | { kind: "approve"; vehicle: Vehicle }
  | { kind: "deactivate"; vehicle: Vehicle };

/** A unit's vehicles with their owner, rank, status and parking card; register, approve and stop. */
export function VehiclesPanel({ unitId, mode, canEdit, canApprove }: Props) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const queryClient = useQueryClient();
  const vehicles = useUnitVehicles(unitId);
  const household = useHousehold(unitId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const staff = mode === "staff";
  const canRegister = staff ? canEdit : true;
  const close = () => setDialog(null);

  if (vehicles.isPending || household.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (vehicles.isError) return <FormError error={vehicles.error} />;
  if (household.isError) return <FormError error={household.error} />;

  const members = household.data.members;
  const currentMembers = members.filter(isCurrent);
  const ownerName = (vehicle: Vehicle) =>
    members.find((member) => member.resident.id === vehicle.residentId)?.resident.fullName ?? "—";
  const items = vehicles.data.items;
  const registerLabel = staff ? t("vehicles.register") : t("vehicles.registerResident");
  const register = () => setDialog({ kind: "register" });
  const noMembers = currentMembers.length === 0;

  const registerButton = canRegister && (
    <Button onClick={register} disabled={noMembers}>
      {registerLabel}
    </Button>
  );

  return (
    <Stack gap="sm">
      {canRegister && noMembers && (
        <Text size="sm" c="dimmed">
          {t("vehicles.noMembers")}
        </Text>
      )}
      {items.length > 0 && registerButton && <Group justify="flex-end">{registerButton}</Group>}
      {items.length === 0 ? (
        <EmptyState
          icon={<IconClipboard size={32} />}
          variant="light"
          title={t("vehicles.emptyTitle")}
          description={
            staff ? (canEdit ? t("vehicles.empty") : t("vehicles.emptyStaff")) : t("vehicles.emptyResident")
          }
          py="lg"
        >
          {registerButton && <EmptyState.Actions>{registerButton}</EmptyState.Actions>}
        </EmptyState>
      ) : (
        <ItemList label={t("vehicles.list")}>
          {items.map((vehicle) => {
            const plate = words.plate(vehicle);
            const details = [vehicle.brand, vehicle.colour].filter(Boolean).join(", ");
            return (
              <Paper
                key={vehicle.id}
                component="li"
                withBorder
                p="sm"
                radius="md"
                bg={vehicle.status === "inactive" ? "gray.0" : undefined}
              >
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <div>
                      <Text fw={700}>{words.rankedType(vehicle)}</Text>
                      <Text ff="monospace" fw={600}>
                        {plate}
                      </Text>
                    </div>
                    <StatusBadge tone={VEHICLE_TONES[vehicle.status]}>
                      {vehicle.status === "pending" && !staff
                        ? t("vehicles.pendingResident")
                        : words.vehicleStatus(vehicle.status)}
                    </StatusBadge>
                  </Group>
                  <Text size="sm">
                    {t("vehicles.owner")}: {ownerName(vehicle)}
                    {details && ` · ${details}`}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {[
                      vehicle.parkingCard && `${t("vehicles.parkingCard")}: ${vehicle.parkingCard}`,
                      vehicle.status !== "pending" &&
                        vehicle.activeFrom &&
                        `${t("vehicles.activeFrom")} ${formatDay(vehicle.activeFrom)}`,
                      vehicle.activeTo && `${t("vehicles.activeTo")} ${formatDay(vehicle.activeTo)}`,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  {staff && vehicle.status !== "inactive" && (canApprove || canEdit) && (
                    <Group gap={4}>
                      {vehicle.status === "pending" && canApprove && (
                        <Button
                          size="compact-sm"
                          onClick={() => setDialog({ kind: "approve", vehicle })}
                          aria-label={t("vehicles.approveNamed", { plate })}
                        >
                          {t("vehicles.approve")}
                        </Button>
                      )}
                      {canEdit && (
                        <Button
                          variant="subtle"
                          color="red"
                          size="compact-sm"
                          onClick={() => setDialog({ kind: "deactivate", vehicle })}
                          aria-label={t("vehicles.deactivateNamed", { plate })}
                        >
                          {t("vehicles.deactivate")}
                        </Button>
                      )}
                    </Group>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </ItemList>
      )}

      {dialog?.kind === "register" && (
        <VehicleFormModal unitId={unitId} mode={mode} members={currentMembers} onClose={close} />
      )}
      {dialog?.kind === "approve" && (
        <ApproveVehicleModal
          vehicle={dialog.vehicle}
          description={t("vehicles.approveText", {
            vehicle: `${words.vehicleType(dialog.vehicle.type)} ${words.plate(dialog.vehicle)}`,
            owner: ownerName(dialog.vehicle),
          })}
          onClose={close}
        />
      )}
      {dialog?.kind === "deactivate" && (
        <DateConfirmModal
          title={t("vehicles.deactivateTitle")}
          text={t("vehicles.deactivateText", {
            vehicle: `${words.vehicleType(dialog.vehicle.type)} ${words.plate(dialog.vehicle)}`,
          })}
          label={t("vehicles.deactivateOn")}
          submitLabel={t("vehicles.deactivate")}
          onClose={close}
          onConfirm={async (on) => {
            await api.POST("/vehicles/{id}/deactivate", {
              params: { path: { id: dialog.vehicle.id } },
              body: { on },
            });
            await invalidateVehicles(queryClient);
          }}
        />
      )}
    </Stack>
  );
}
