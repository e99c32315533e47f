import { Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { showFieldErrors } from "../components/forms.js";
import { formatDay, parseDay, today } from "../format.js";
import { invalidateVehicles, type Vehicle } from "./registry.js";

type DateProps = {
  title: string;
  text: string;
  label: string;
  submitLabel: string;
  /** Sends the chosen day (YYYY-MM-DD); the modal closes once it succeeds. */
  onConfirm: (on: string) => Promise<unknown>;
  onClose: () => void;
};

/** Confirms an action that takes effect on a day (moving out, stopping a vehicle), today by default. */
export function DateConfirmModal({ title, text, label, submitLabel, onConfirm, onClose }: DateProps) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { on: formatDay(today()) },
    validate: { on: (value) => (parseDay(value) ? null : t("validation.day")) },
  });
  const action = useMutation({
    mutationFn: (on: string) => onConfirm(on),
    onSuccess: onClose,
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => action.mutate(parseDay(values.on) ?? ""))}
      submitLabel={submitLabel}
      pending={action.isPending}
      error={action.error}
      danger
    >
      <Text>{text}</Text>
      <TextInput
        label={label}
        placeholder={t("validation.dayPlaceholder")}
        inputMode="numeric"
        autoComplete="off"
        data-autofocus
        {...form.getInputProps("on")}
      />
    </FormModal>
  );
}

/** Approves a vehicle registered by a resident, with the parking card given to it if any. */
export function ApproveVehicleModal({
  vehicle,
  description,
  onClose,
}: {
  vehicle: Vehicle;
  description: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { parkingCard: vehicle.parkingCard ?? "" } });
  const approve = useMutation({
    mutationFn: (parkingCard: string) =>
      api.POST("/vehicles/{id}/approve", {
        params: { path: { id: vehicle.id } },
        body: {
          parkingCard: parkingCard.trim() || null,
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
      title={t("vehicles.approveTitle")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => approve.mutate(values.parkingCard))}
      submitLabel={t("vehicles.approve")}
      pending={approve.isPending}
      error={approve.error}
    >
      <Text>{description}</Text>
      <TextInput
        label={t("vehicles.parkingCard")}
        autoComplete="off"
        data-autofocus
        {...form.getInputProps("parkingCard")}
      />
    </FormModal>
  );
}
