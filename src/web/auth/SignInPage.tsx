import { Alert, Anchor, Button, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { api } from "../api.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import type { OtpChallenge } from "./OtpPage.js";
import { homeFor, useMe } from "./session.js";
import { useSignedIn } from "./useSignedIn.js";

/** What another page may tell the sign-in page, through navigation state. */
export type SignInNotice = { notice: "passwordReset" };

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const me = useMe();
  const signedIn = useSignedIn();
  const notice = (location.state as SignInNotice | null)?.notice;
  const form = useForm({
    initialValues: { identifier: "", password: "" },
    validate: { identifier: required, password: required },
  });
  const signIn = useMutation({
    mutationFn: (values: typeof form.values) => api.POST("/auth/sign-in", { body: values }),
    onSuccess: (result) => {
      if (result.status === "signed_in") signedIn(result.me);
      else if (result.status === "otp_required") {
        navigate(
          { pathname: "/sign-in/code", search: location.search },
          { state: result satisfies OtpChallenge },
        );
      } else navigate({ pathname: "/sign-in/totp", search: location.search });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  if (me.data) return <Navigate to={homeFor(me.data, params.get("next"))} replace />;

  return (
    <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
      <Stack>
        <Title order={1} size="h3">
          {t("signIn.title")}
        </Title>
        {notice && (
          <Alert color="teal" variant="light" role="status">
            {t(`signIn.notice.${notice}`)}
          </Alert>
        )}
        <TextInput
          label={t("signIn.identifier")}
          autoComplete="username"
          {...form.getInputProps("identifier")}
        />
        <PasswordInput
          label={t("signIn.password")}
          autoComplete="current-password"
          {...form.getInputProps("password")}
        />
        <FormError error={signIn.error} />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          {t("signIn.submit")}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
          {t("signIn.forgot")}
        </Anchor>
      </Stack>
    </form>
  );
}
