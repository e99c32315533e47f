import { Button, Code, Group, Image, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Me, TotpSetup } from "../../contracts/index.js";
import { api } from "../api.js";
import { meKey, useSignedInMe } from "../auth/session.js";
import { CodeInput } from "../components/CodeInput.js";
import { ConfirmModal } from "../components/ConfirmModal.js";
import { FormError, showFieldErrors, sixDigits } from "../components/forms.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { Section } from "./Section.js";

type Setup = z.infer<typeof TotpSetup>;

/** Scan the QR code (or type the secret), then prove it works with a first code. */
function EnableForm({ setup, onDone }: { setup: Setup; onDone: (me: Me) => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { code: "" }, validate: { code: sixDigits } });
  const enable = useMutation({
    mutationFn: (values: typeof form.values) => api.POST("/me/totp/enable", { body: values }),
    onSuccess: onDone,
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => enable.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t("twoFactor.scan")}</Text>
        <Image src={setup.qrDataUrl} alt={t("twoFactor.qrAlt")} w={200} h={200} />
        <Text size="sm">
          {t("twoFactor.secret")} <Code>{setup.secret}</Code>
        </Text>
        <CodeInput label={t("totp.code")} maw={240} {...form.getInputProps("code")} />
        <FormError error={enable.error} />
        <Button type="submit" loading={enable.isPending} w="fit-content">
          {t("twoFactor.enable")}
        </Button>
      </Stack>
    </form>
  );
}

/** Two-step sign-in with an authenticator app; turning it on or off asks for the password again. */
export function TotpSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { account } = useSignedInMe();
  const [disabling, setDisabling] = useState(false);
  const setup = useMutation({ mutationFn: () => api.POST("/me/totp/setup") });
  const keepMe = (me: Me) => {
    queryClient.setQueryData(meKey, me);
    setup.reset();
  };

  return (
    <Section title={t("twoFactor.title")} description={t("twoFactor.description")}>
      {account.totpEnabled ? (
        <Group>
          <StatusBadge tone="positive">{t("twoFactor.on")}</StatusBadge>
          <Button variant="default" color="red" onClick={() => setDisabling(true)}>
            {t("twoFactor.disable")}
          </Button>
        </Group>
      ) : setup.data ? (
        <EnableForm setup={setup.data} onDone={keepMe} />
      ) : (
        <Button w="fit-content" loading={setup.isPending} onClick={() => setup.mutate()}>
          {t("twoFactor.start")}
        </Button>
      )}
      <FormError error={setup.error} />
      {disabling && (
        <ConfirmModal
          title={t("twoFactor.disable")}
          confirmLabel={t("twoFactor.disable")}
          danger
          onClose={() => setDisabling(false)}
          onConfirm={async () => keepMe(await api.POST("/me/totp/disable"))}
        >
          {t("twoFactor.disableConfirm")}
        </ConfirmModal>
      )}
    </Section>
  );
}
