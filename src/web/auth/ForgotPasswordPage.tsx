import { Anchor, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { api } from "../api.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import type { ResetState } from "./ResetPasswordPage.js";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm({ initialValues: { identifier: "" }, validate: { identifier: required } });
  const forgot = useMutation({
    mutationFn: (values: typeof form.values) => api.POST("/auth/password/forgot", { body: values }),
    onSuccess: (_, values) => navigate("/reset-password", { state: values satisfies ResetState }),
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => forgot.mutate(values))} noValidate>
      <Stack>
        <Title order={1} size="h3">
          {t("forgot.title")}
        </Title>
        <Text size="sm">{t("forgot.description")}</Text>
        <TextInput
          label={t("signIn.identifier")}
          autoComplete="username"
          {...form.getInputProps("identifier")}
        />
        <FormError error={forgot.error} />
        <Button type="submit" loading={forgot.isPending} fullWidth>
          {t("forgot.submit")}
        </Button>
        <Anchor component={Link} to="/sign-in" size="sm" ta="center">
          {t("common.backToSignIn")}
        </Anchor>
      </Stack>
    </form>
  );
}
