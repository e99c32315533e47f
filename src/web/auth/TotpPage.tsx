import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CodeForm } from "./CodeForm.js";

export function TotpPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h3">
        {t("totp.title")}
      </Title>
      <Text size="sm">{t("totp.description")}</Text>
      <CodeForm label={t("totp.code")} path="/auth/totp/verify" />
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t("common.backToSignIn")}
      </Anchor>
    </Stack>
  );
}
