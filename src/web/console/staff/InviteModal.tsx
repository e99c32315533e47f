import { TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { StaffRole } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { required, showFieldErrors } from "../../components/forms.js";
import { AccessFields } from "./AccessFields.js";
import { INVITATIONS_PATH } from "./staff.js";

export function InviteModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      contact: "",
      displayName: "",
      role: "building_manager" as StaffRole,
      buildingIds: [] as string[],
    },
    validate: { contact: required, displayName: required },
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) => api.POST(INVITATIONS_PATH, { body: values }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [INVITATIONS_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <FormModal
      title={t("staff.invite")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => invite.mutate(values))}
      submitLabel={t("staff.inviteSubmit")}
      pending={invite.isPending}
      error={invite.error}
    >
      <TextInput
        label={t("staff.contact")}
        description={t("staff.contactHint")}
        autoComplete="off"
        data-autofocus
        {...form.getInputProps("contact")}
      />
      <TextInput label={t("profile.displayName")} autoComplete="off" {...form.getInputProps("displayName")} />
      <AccessFields role={form.getInputProps("role")} buildingIds={form.getInputProps("buildingIds")} />
    </FormModal>
  );
}
