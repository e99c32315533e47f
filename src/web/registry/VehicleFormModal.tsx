import { NativeSelect, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { required, showFieldErrors } from "../components/forms.js";
import {
  type HouseholdMember,
  invalidateVehicles,
  useRegistryWords,
  VEHICLE_TYPES,
  type VehicleType,
} from "./registry.js";

type Values = {
  residentId: string;
  type: VehicleType;
  plate: string;
  colour: string;
  brand: string;
  parkingCard: string;
};

type Props = {
  unitId: string;
  mode: "staff" | "resident";
  /** The household's current members: a vehicle belongs to one of them. */
  members: HouseholdMember[];
  onClose: () => void;
};

const orNull = (value: string) => value.trim() || null;

/** Registers a vehicle: active at once when staff do it, waiting for approval when a resident does. */
export function VehicleFormModal({ unitId, mode, members, onClose }: Props) {
  const { t } = useTranslation();
  const words = useRegistryWords();
  const queryClient = useQueryClient();
  const staff = mode === "staff";
  const form = useForm<Values>({
    initialValues: {
      residentId: members[0]?.resident.id ?? "",
      type: "motorbike",
      plate: "",
      colour: "",
      brand: "",
      parkingCard: "",
    },
    validate: {
      residentId: required,
      plate: (value, values) =>
        values.type !== "bicycle" && !value.trim() ? t("vehicles.plateRequired") : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.POST("/units/{id}/vehicles", {
        params: { path: { id: unitId } },
        body: {
          residentId: values.residentId,
          type: values.type,
          plate: orNull(values.plate),
          colour: orNull(values.colour),
          brand: orNull(values.brand),
          parkingCard: staff ? orNull(values.parkingCard) : null,
        },
      }),
    onSuccess: async () => {
      await invalidateVehicles(queryClient);
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <FormModal
      title={t("vehicles.registerTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={staff ? t("vehicles.register") : t("vehicles.registerResident")}
      pending={save.isPending}
      error={save.error}
      size="lg"
    >
      {!staff && (
        <Text size="sm" c="dimmed">
          {t("vehicles.registerHint")}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="sm">
        <NativeSelect
          label={t("vehicles.owner")}
          data={members.map((member) => ({ value: member.resident.id, label: member.resident.fullName }))}
          {...form.getInputProps("residentId")}
        />
        <NativeSelect
          label={t("vehicles.type")}
          data={VEHICLE_TYPES.map((type) => ({ value: type, label: words.vehicleType(type) }))}
          {...form.getInputProps("type")}
        />
        <TextInput
          label={t("vehicles.plate")}
          placeholder={t("vehicles.platePlaceholder")}
          autoComplete="off"
          autoCapitalize="characters"
          withAsterisk={form.values.type !== "bicycle"}
          {...form.getInputProps("plate")}
        />
        <TextInput label={t("vehicles.colour")} autoComplete="off" {...form.getInputProps("colour")} />
        <TextInput label={t("vehicles.brand")} autoComplete="off" {...form.getInputProps("brand")} />
        {staff && (
          <TextInput
            label={t("vehicles.parkingCard")}
            autoComplete="off"
            {...form.getInputProps("parkingCard")}
          />
        )}
      </SimpleGrid>
    </FormModal>
  );
}
