import { TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormModal } from "../components/FormModal.js";
import { required, showFieldErrors } from "../components/forms.js";

export const COMPANIES_PATH = "/platform/companies";

type Props = { onClose: () => void; onCreated: (values: { name: string; adminContact: string }) => void };

/** A new management company and the invitation of its first company admin. */
export function CreateCompanyModal({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: "", taxCode: "", adminName: "", adminContact: "" },
    validate: { name: required, adminName: required, adminContact: required },
  });
  const create = useMutation({
    mutationFn: ({ taxCode, ...values }: typeof form.values) =>
      api.POST(COMPANIES_PATH, { body: { ...values, taxCode: taxCode.trim() || undefined } }),
    onSuccess: (_, values) => {
      void queryClient.invalidateQueries({ queryKey: [COMPANIES_PATH] });
      onCreated(values);
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <FormModal
      title={t("companies.create")}
      onClose={onClose}
      onSubmit={form.onSubmit((values) => create.mutate(values))}
      submitLabel={t("companies.createSubmit")}
      pending={create.isPending}
      error={create.error}
    >
      <TextInput label={t("companies.name")} data-autofocus {...form.getInputProps("name")} />
      <TextInput
        label={t("companies.taxCode")}
        description={t("companies.taxCodeHint")}
        inputMode="numeric"
        {...form.getInputProps("taxCode")}
      />
      <TextInput label={t("companies.adminName")} autoComplete="off" {...form.getInputProps("adminName")} />
      <TextInput
        label={t("companies.adminContact")}
        description={t("companies.adminContactHint")}
        autoComplete="off"
        {...form.getInputProps("adminContact")}
      />
    </FormModal>
  );
}
