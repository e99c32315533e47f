import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import { Anchor, Button, Center, Collapse, EmptyState, Loader, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useBillingWords } from "../../billing/billing.js";
import { FormError } from "../../components/forms.js";
import { IconReceipt } from "../../components/icons.js";
import { formatNumber } from "../../format.js";
import { type BillingDashboard, CollectionKpis, useBillingDashboard } from "./collection.js";
import { Section } from "./Section.js";
import { BillingPage, type BillingScope, billingLink } from "./scope.js";

/** "T11/2026". */
function useMonthLabel() {
  const { t } = useTranslation();
  return (period: string) => {
    const [year, month] = period.split("-");
    return t("billing.collection.monthShort", { month, year });
  };
}

/** Billed against collected per month: the chart, and the same figures as a table for those who cannot see it. */
function MonthsChart({ data }: { data: BillingDashboard }) {
  const { t, i18n } = useTranslation();
  const words = useBillingWords();
  const monthLabel = useMonthLabel();
  const [showTable, setShowTable] = useState(false);
  const rows = data.months.map((m) => ({ ...m, month: monthLabel(m.period) }));
  // Axis ticks in millions ("12 tr"), the tooltip in full đồng.
  const millions = (value: number) =>
    value === 0 ? "0" : `${formatNumber(value / 1_000_000, i18n.language, 1)} tr`;
  return (
    <Stack gap="sm">
      <div role="img" aria-label={t("billing.collection.chartTitle")}>
        <BarChart
          h={300}
          data={rows}
          dataKey="month"
          series={[
            { name: "billed", label: t("billing.collection.billed"), color: "blue.6" },
            { name: "collected", label: t("billing.collection.collected"), color: "teal.7" },
          ]}
          valueFormatter={words.vnd}
          yAxisProps={{ tickFormatter: millions, width: 72 }}
          withLegend
          legendProps={{ verticalAlign: "bottom" }}
          tickLine="y"
        />
      </div>
      <div>
        <Button variant="subtle" size="compact-sm" onClick={() => setShowTable((v) => !v)}>
          {showTable ? t("billing.collection.hideData") : t("billing.collection.showData")}
        </Button>
      </div>
      {/* Always in the page for screen readers; shown on request. */}
      <Collapse expanded={showTable} keepMounted>
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder aria-label={t("billing.collection.dataTable")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("billing.collection.month")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("billing.collection.billed")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("billing.collection.collected")}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("billing.collection.notices")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.period} data-period={m.period}>
                  <Table.Th scope="row">{m.month}</Table.Th>
                  <Table.Td ta="right">{words.vnd(m.billed)}</Table.Td>
                  <Table.Td ta="right">{words.vnd(m.collected)}</Table.Td>
                  <Table.Td ta="right">{m.notices}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Stack>
  );
}

function TopDebtors({ data, scope }: { data: BillingDashboard; scope: BillingScope }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const debts = billingLink("debts", scope.building.id);
  if (data.topDebtors.length === 0) {
    return <Text size="sm">{t("billing.collection.noDebtors")}</Text>;
  }
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={420}>
        <Table striped aria-label={t("billing.collection.topDebtorsTable")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("billing.unit")}</Table.Th>
              <Table.Th scope="col">{t("billing.billTo")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("billing.balance")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.topDebtors.map((d) => (
              <Table.Tr key={d.unitId}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`${debts}&unit=${d.unitId}`}
                    size="sm"
                    aria-label={t("billing.collection.statementOf", { unit: d.unitCode })}
                  >
                    {d.unitCode}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.billTo ?? "—"}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                  {words.vnd(d.balance)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Anchor component={Link} to={debts} size="sm">
        {t("billing.collection.toDebts")}
      </Anchor>
    </Stack>
  );
}

function Overview({ scope }: { scope: BillingScope }) {
  const { t } = useTranslation();
  const dashboard = useBillingDashboard(scope.building.id);
  if (dashboard.isError) return <FormError error={dashboard.error} />;
  const data = dashboard.data;
  const nothingBilled = data?.months.every((m) => m.billed === 0 && m.collected === 0) ?? false;
  return (
    <>
      <CollectionKpis data={data} />
      <Section id="collection-chart" title={t("billing.collection.chartTitle")}>
        {!data ? (
          <Center py="lg">
            <Loader aria-label={t("common.loading")} />
          </Center>
        ) : nothingBilled ? (
          <EmptyState
            icon={<IconReceipt size={32} />}
            variant="light"
            title={t("billing.collection.noDataTitle")}
            description={t("billing.collection.noData")}
            py="lg"
          >
            <EmptyState.Actions>
              <Anchor component={Link} to={billingLink("notices", scope.building.id)}>
                {t("billing.collection.toNotices")}
              </Anchor>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <MonthsChart data={data} />
        )}
      </Section>
      {data && (
        <Section id="top-debtors" title={t("billing.collection.topDebtors")}>
          <TopDebtors data={data} scope={scope} />
        </Section>
      )}
    </>
  );
}

/** Tổng quan thu phí: collection rate, what is owed and overdue, billed against collected, the largest debts. */
export default function CollectionPage() {
  const { t } = useTranslation();
  return (
    <BillingPage title={t("billing.collection.title")}>{(scope) => <Overview scope={scope} />}</BillingPage>
  );
}
