import { PasswordInput, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, handleReauth } from "../api.js";
import { FormModal } from "./FormModal.js";
import { required, showFieldErrors } from "./forms.js";

function ReauthForm({ onDone }: { onDone: (confirmed: boolean) => void }) {
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

/**
 * Answers REAUTH_REQUIRED from any call: asks for the password, confirms it with the server, and
 * lets the call be retried. Requests that need it at the same time share one prompt. It stacks
 * above other dialogs, since the action that needed it often started in one.
 */
export function ReauthModal() {
  const [opened, setOpened] = useState(false);
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);
  const prompt = useRef<Promise<boolean> | null>(null);

  useEffect(
    () =>
      handleReauth(() => {
        prompt.current ??= new Promise<boolean>((resolve) => {
          resolver.current = resolve;
          setOpened(true);
        });
        return prompt.current;
      }),
    [],
  );

  const finish = (confirmed: boolean) => {
    resolver.current?.(confirmed);
    resolver.current = null;
    prompt.current = null;
    setOpened(false);
  };

  return opened ? <ReauthForm onDone={finish} /> : null;
}
