import { Box, Button, Group, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useSignedInMe, useUpdateMe } from "../auth/session.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { Section } from "./Section.js";

/** The person's name, their language (applied at once, like the header switch) and masked contacts. */
export function ProfileSection() {
  const { t } = useTranslation();
  const { account } = useSignedInMe();
  const form = useForm({
    initialValues: { displayName: account.displayName },
    validate: { displayName: required },
  });
  const update = useUpdateMe();
  const save = form.onSubmit((values) =>
    update.mutate(values, { onError: (error) => showFieldErrors(form, error) }),
  );

  return (
    <Section title={t("profile.title")}>
      <form onSubmit={save} noValidate>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("profile.displayName")}
            autoComplete="name"
            miw={240}
            style={{ flex: 1 }}
            {...form.getInputProps("displayName")}
          />
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </form>
      <FormError error={update.error} />
      {update.isSuccess && (
        <Text size="sm" role="status">
          {t("common.saved")}
        </Text>
      )}
      <Box maw={240}>
        <LanguageSwitch label={t("profile.lang")} />
      </Box>
      {[account.email, account.phone].filter(Boolean).map((contact) => (
        <Text key={contact} size="sm" c="dimmed">
          {contact}
        </Text>
      ))}
    </Section>
  );
}
