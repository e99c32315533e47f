import { Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isOverdue, useBillingWords } from "../billing/billing.js";
import { formatDay } from "../format.js";
import { useAmountDue } from "./invoices.js";

/**
 * The sum still due on the unit's notices, first on the page, with a link to pay the oldest (and, `withList`,
 * to the others); nothing when all is paid.
 */
export function AmountDue({ unitId, withList = true }: { unitId: string; withList?: boolean }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const due = useAmountDue(unitId);
  if (!due.data || due.data.due === 0) return null;
  const [oldest] = due.data.open;
  const more = due.data.open.length - 1;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="amount-due" bg="blue.0">
      <Stack gap={6}>
        <Title order={2} size="h4" id="amount-due">
          {t("billing.resident.due")}
        </Title>
        <Text fz={32} fw={700} lh={1.2}>
          {words.vnd(due.data.due)}
        </Text>
        {oldest?.dueOn && (
          <Group gap="xs">
            <Text size="sm">{t("billing.resident.dueBy", { date: formatDay(oldest.dueOn) })}</Text>
            {isOverdue(oldest) && (
              <Badge color="red.9" variant="filled" tt="none" radius="sm">
                {t("billing.overdue")}
              </Badge>
            )}
          </Group>
        )}
        {oldest && (
          <Group gap="sm" mt="xs">
            <Button component={Link} to={`/app/invoices/${oldest.id}`}>
              {t("billing.resident.pay")}
            </Button>
            {withList && more > 0 && (
              <Button component={Link} to="/app/invoices" variant="subtle">
                {t("billing.resident.moreOpen", { count: more })}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
