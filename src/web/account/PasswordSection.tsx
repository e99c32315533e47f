import { Button, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormError, newPassword, required, showFieldErrors } from "../components/forms.js";
import { Section } from "./Section.js";

export function PasswordSection() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "" },
    validate: { currentPassword: required, newPassword },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) => api.POST("/me/password", { body: values }),
    onSuccess: () => form.reset(),
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Section title={t("password.title")}>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="sm" maw={400}>
          <PasswordInput
            label={t("password.current")}
            autoComplete="current-password"
            {...form.getInputProps("currentPassword")}
          />
          <PasswordInput
            label={t("password.new")}
            description={t("password.hint")}
            autoComplete="new-password"
            {...form.getInputProps("newPassword")}
          />
          <FormError error={change.error} />
          {change.isSuccess && (
            <Text size="sm" role="status">
              {t("password.changed")}
            </Text>
          )}
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t("password.submit")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
