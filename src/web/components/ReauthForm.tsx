import { PasswordInput, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormModal } from "./FormModal.js";
import { required, showFieldErrors } from "./forms.js";

/** The password prompt of ReauthModal. */
export function ReauthForm({ onDone }: { onDone: (confirmed: boolean) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { password: "" }, validate: { password: required } });
  const confirm = useMutation({
    mutationFn: (password: string) => api.POST("/auth/reauth", { body: { password } }),
    onSuccess: () => onDone(true),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <FormModal
      title={t("reauth.title")}
      onClose={() => onDone(false)}
      onSubmit={form.onSubmit((values) => confirm.mutate(values.password))}
      submitLabel={t("reauth.submit")}
      pending={confirm.isPending}
      error={confirm.error}
      zIndex={300}
    >
      <Text size="sm">{t("reauth.description")}</Text>
      <PasswordInput
        label={t("reauth.password")}
        autoComplete="current-password"
        data-autofocus
        {...form.getInputProps("password")}
      />
    </FormModal>
  );
}
