import { Button, EmptyState, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignedInMe } from "../auth/session.js";
import { IconHome } from "../components/icons.js";
import { PageHeader } from "../components/Pages.js";
import { AmountDue } from "./AmountDue.js";
import { useAmountDue } from "./invoices.js";
import { NotificationBell } from "./privacy/NotificationBell.js";
import { useChosenUnit } from "./units.js";

/** Trang chủ: what the chosen unit owes (with a link to pay it), the unit(s) with household and vehicles. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { chosen } = useChosenUnit();
  const due = useAmountDue(chosen?.unitId);
  const owes = (due.data?.due ?? 0) > 0;
  return (
    <Stack maw={720} mx="auto" gap="md">
      <PageHeader
        title={t("resident.home.title", { name: me.account.displayName })}
        action={<NotificationBell />}
      />
      {chosen && <AmountDue key={chosen.unitId} unitId={chosen.unitId} />}
      {chosen && (
        <Paper component="section" withBorder p="md" radius="md" aria-labelledby="my-units">
          <Stack gap="sm">
            <Title order={2} size="h4" id="my-units">
              {t("resident.home.units")}
            </Title>
            <Text fw={700} size="lg">
              {chosen.label}
            </Text>
            <Group gap="sm" grow>
              <Button component={Link} to="/app/household" variant="light">
                {t("resident.home.householdLink")}
              </Button>
              <Button component={Link} to="/app/vehicles" variant="light">
                {t("resident.home.vehiclesLink")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {!owes && (
        <EmptyState
          icon={<IconHome size={32} />}
          variant="light"
          title={t("resident.home.emptyTitle")}
          description={t("resident.home.empty")}
          py="xl"
        />
      )}
    </Stack>
  );
}
