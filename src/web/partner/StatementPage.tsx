import { Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api.js";
import { FormError } from "../components/forms.js";
import { PageHeader } from "../components/Pages.js";
import { formatDateTime } from "../format.js";
import { PARTNER_STATEMENT_PATH, periodFrom, periodText } from "../marketplace/marketplace.js";
import { PeriodSelect, StatementFigures, StatementLines } from "../marketplace/StatementView.js";

/**
 * Đối soát: the partner's month (last month at first) as the management settles it — the orders delivered, what
 * was refunded, the cash the partner collected itself, the commission, and the net it is paid; whether it is paid.
 */
export function StatementPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => periodFrom(-1));
  const statement = useQuery({
    queryKey: [PARTNER_STATEMENT_PATH, period],
    queryFn: () => api.GET(PARTNER_STATEMENT_PATH, { params: { query: { period } } }),
    placeholderData: keepPreviousData,
  });
  const s = statement.data;
  return (
    <Stack maw={640} mx="auto" gap="sm">
      <PageHeader title={t("partnerStatement.title")} />
      <Text size="sm" c="dimmed">
        {t("partnerStatement.intro")}
      </Text>
      <PeriodSelect label={t("statement.period")} value={period} onChange={setPeriod} />
      {statement.isPending ? (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : statement.isError ? (
        <FormError error={statement.error} />
      ) : s ? (
        <>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="statement-month">
            <Stack gap="sm">
              <div>
                <Title order={2} size="h4" id="statement-month">
                  {periodText(t, s.period)}
                </Title>
                <Text
                  size="sm"
                  c={s.status === "paid" ? "teal.9" : "dimmed"}
                  fw={s.status === "paid" ? 600 : 400}
                >
                  {s.status === "paid" && s.paidAt
                    ? t("statement.paidOn", { time: formatDateTime(s.paidAt), reference: s.reference ?? "" })
                    : t("statement.notPaid")}
                </Text>
              </div>
              <StatementFigures statement={s} />
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <StatementLines statement={s} />
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
