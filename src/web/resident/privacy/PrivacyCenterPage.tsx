import { Anchor, Group, List, Paper, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignedInMe } from "../../auth/session.js";
import { IconShield } from "../../components/icons.js";
import { PageHeader } from "../../components/Pages.js";
import { ExportCard } from "./ExportCard.js";

const PROMISES = ["minimum", "neverSold", "rights", "erasure", "breach"] as const;
const PLACES = [
  { key: "myData", to: "/app/my-data" },
  { key: "consents", to: "/app/privacy/consents" },
  { key: "requests", to: "/app/privacy/requests" },
] as const;

function PlaceLink({ to, title, description }: { to: string; title: string; description: string }) {
  return (
    <UnstyledButton component={Link} to={to} display="block">
      <Paper withBorder p="md" radius="md">
        <Text fw={700}>{title}</Text>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** "Quyền riêng tư": the promises in plain words, and the way to every right the resident has. */
export function PrivacyCenterPage() {
  const { t } = useTranslation();
  const companyId = useSignedInMe().current?.companyId;
  const company = companyId ? `?company=${companyId}` : "";
  return (
    <Stack maw={720} mx="auto" gap="md">
      <PageHeader title={t("privacyCenter.title")} />
      <Paper component="section" withBorder p="md" radius="md" aria-labelledby="promises-title">
        <Stack gap="sm">
          <Group gap="xs" wrap="nowrap">
            <IconShield size={24} />
            <Title order={2} size="h4" id="promises-title">
              {t("privacyCenter.promisesTitle")}
            </Title>
          </Group>
          <List spacing="xs">
            {PROMISES.map((promise) => (
              <List.Item key={promise}>{t(`privacyCenter.promises.${promise}`)}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
      <Stack component="nav" gap="sm" aria-label={t("privacyCenter.placesLabel")}>
        {PLACES.map(({ key, to }) => (
          <PlaceLink
            key={key}
            to={to}
            title={t(`privacyCenter.places.${key}.title`)}
            description={t(`privacyCenter.places.${key}.description`)}
          />
        ))}
      </Stack>
      <ExportCard />
      <Group gap="lg">
        <Anchor component={Link} to={`/privacy${company}`}>
          {t("privacyCenter.policy")}
        </Anchor>
        <Anchor component={Link} to={`/terms${company}`}>
          {t("privacyCenter.terms")}
        </Anchor>
      </Group>
    </Stack>
  );
}
