import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api.js";
import { FormModal } from "../../components/FormModal.js";
import { showFieldErrors } from "../../components/forms.js";
import { AccessFields } from "./AccessFields.js";
import { STAFF_PATH, type Staff } from "./staff.js";

/** Changes a staff member's role and buildings (the server asks for the password again). */
export function EditStaffModal({ member, onClose }: { member: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { role: member.role, buildingIds: member.buildingIds } });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.PATCH("/staff/{id}", { params: { path: { id: member.id } }, body: values }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [STAFF_PATH] });
      onClose();
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <FormModal
      title={t("staff.edit", { name: member.displayName })}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      submitLabel={t("common.save")}
      pending={save.isPending}
      error={save.error}
    >
      <AccessFields role={form.getInputProps("role")} buildingIds={form.getInputProps("buildingIds")} />
    </FormModal>
  );
}
