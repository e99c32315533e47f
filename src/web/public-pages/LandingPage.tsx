import "../locales/public.js";
import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IconBuilding, IconShield, IconUsers } from "../components/icons.js";

function Audience({ icon, title, points }: { icon: ReactNode; title: string; points: string[] }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
            {icon}
          </ThemeIcon>
          <Title order={2} size="h4">
            {title}
          </Title>
        </Group>
        <List spacing={6}>
          {points.map((point) => (
            <List.Item key={point}>{point}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

/** What a signed-out visitor sees at "/": what Chungcu is, for whom, and the way in. */
export function LandingPage() {
  const { t } = useTranslation();
  const list = (key: "residents" | "companies" | "privacy") =>
    t(`landing.${key}.points`, { returnObjects: true }) as string[];
  return (
    <Stack gap="xl" maw={960} mx="auto">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t("landing.title")}</Title>
        <Text size="lg" c="dimmed" maw={680}>
          {t("landing.lead")}
        </Text>
        <Button component={Link} to="/sign-in" size="md">
          {t("header.signIn")}
        </Button>
        <Text size="sm" c="dimmed">
          {t("landing.invitedOnly")}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Audience
          icon={<IconUsers size={20} />}
          title={t("landing.residents.title")}
          points={list("residents")}
        />
        <Audience
          icon={<IconBuilding size={20} />}
          title={t("landing.companies.title")}
          points={list("companies")}
        />
      </SimpleGrid>
      <Audience icon={<IconShield size={20} />} title={t("landing.privacy.title")} points={list("privacy")} />
      <Text size="sm">
        <Trans
          i18nKey="landing.legal"
          components={{
            privacy: <Anchor component={Link} to="/privacy" size="sm" />,
            terms: <Anchor component={Link} to="/terms" size="sm" />,
          }}
        />
      </Text>
    </Stack>
  );
}
