import { Button, Checkbox, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { CodeInput } from "../components/CodeInput.js";
import { FormError, showFieldErrors, sixDigits } from "../components/forms.js";
import { useSignedIn } from "./useSignedIn.js";

type Props = {
  /** The code field's label: it says where the code comes from. */
  label: string;
  path: "/auth/otp/verify" | "/auth/totp/verify";
};

/** The second step of signing in: a 6-digit code, and whether to trust this device next time. */
export function CodeForm({ label, path }: Props) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const form = useForm({ initialValues: { code: "", rememberDevice: false }, validate: { code: sixDigits } });
  const verify = useMutation({
    mutationFn: (values: typeof form.values) => api.POST(path, { body: values }),
    // A verified code finishes signing in: the answer's other steps are those before it.
    onSuccess: (result) => result.status === "signed_in" && signedIn(result.me),
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => verify.mutate(values))} noValidate>
      <Stack>
        <CodeInput label={label} {...form.getInputProps("code")} />
        <Checkbox
          label={t("code.remember")}
          {...form.getInputProps("rememberDevice", { type: "checkbox" })}
        />
        <FormError error={verify.error} />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t("code.submit")}
        </Button>
      </Stack>
    </form>
  );
}
