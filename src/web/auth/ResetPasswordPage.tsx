import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { api } from "../api.js";
import { CodeInput } from "../components/CodeInput.js";
import { FormError, newPassword, required, showFieldErrors, sixDigits } from "../components/forms.js";
import type { SignInNotice } from "./SignInPage.js";

/** Who asked for the code, passed on by the forgot-password page. */
export type ResetState = { identifier: string };

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useForm({
    initialValues: {
      identifier: (location.state as ResetState | null)?.identifier ?? "",
      code: "",
      newPassword: "",
    },
    validate: { identifier: required, code: sixDigits, newPassword },
  });
  const reset = useMutation({
    mutationFn: (values: typeof form.values) => api.POST("/auth/password/reset", { body: values }),
    onSuccess: () => navigate("/sign-in", { state: { notice: "passwordReset" } satisfies SignInNotice }),
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => reset.mutate(values))} noValidate>
      <Stack>
        <Title order={1} size="h3">
          {t("reset.title")}
        </Title>
        <Text size="sm">{t("reset.description")}</Text>
        <TextInput
          label={t("signIn.identifier")}
          autoComplete="username"
          {...form.getInputProps("identifier")}
        />
        <CodeInput label={t("otp.code")} {...form.getInputProps("code")} />
        <PasswordInput
          label={t("password.new")}
          description={t("password.hint")}
          autoComplete="new-password"
          {...form.getInputProps("newPassword")}
        />
        <FormError error={reset.error} />
        <Button type="submit" loading={reset.isPending} fullWidth>
          {t("reset.submit")}
        </Button>
        <Anchor component={Link} to="/sign-in" size="sm" ta="center">
          {t("common.backToSignIn")}
        </Anchor>
      </Stack>
    </form>
  );
}
