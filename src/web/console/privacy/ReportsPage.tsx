import { Alert, Table, Text, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { OccupancyReport, PaymentRateReport, ReportCell } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { useBillingWords } from "../../billing/billing.js";
import { formatNumber } from "../../format.js";
import { Section } from "../billing/Section.js";
import { BillingPage } from "../billing/scope.js";
import { QueryView } from "./parts.js";

type Cell = z.infer<typeof ReportCell>;
type Occupancy = z.infer<typeof OccupancyReport>;
type PaymentRate = z.infer<typeof PaymentRateReport>;

const OCCUPANCY_PATH = "/privacy/reports/occupancy";
const PAYMENT_RATE_PATH = "/privacy/reports/payment-rate";

/** A count, or "< k" where so few people stand behind it that they could be recognised. */
function CountCell({ cell, k }: { cell: Cell; k: number }) {
  const { t } = useTranslation();
  if (cell.suppressed || cell.value === null) {
    return (
      <Tooltip label={t("privacyReports.suppressedHint", { k })}>
        <Text span size="sm" c="dimmed" tabIndex={0} aria-label={t("privacyReports.suppressedLabel", { k })}>
          {`< ${k}`}
        </Text>
      </Tooltip>
    );
  }
  return <>{cell.value}</>;
}

function OccupancyTable({ report }: { report: Occupancy }) {
  const { t } = useTranslation();
  if (report.rows.length === 0) return <Text size="sm">{t("privacyReports.noUnits")}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder aria-label={t("privacyReports.occupancy")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("privacyReports.block")}</Table.Th>
            <Table.Th scope="col">{t("privacyReports.floor")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("privacyReports.units")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("privacyReports.residents")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={`${row.block}-${row.floor}`}>
              <Table.Td>{row.block}</Table.Td>
              <Table.Td>{row.floor}</Table.Td>
              <Table.Td ta="right">{row.units}</Table.Td>
              <Table.Td ta="right">
                <CountCell cell={row.residents} k={report.k} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PaymentRateTable({ report }: { report: PaymentRate }) {
  const { t, i18n } = useTranslation();
  const words = useBillingWords();
  if (report.rows.length === 0) return <Text size="sm">{t("privacyReports.noPeriods")}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder aria-label={t("privacyReports.paymentRate")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("privacyReports.period")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("privacyReports.billed")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("privacyReports.paid")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("privacyReports.rate")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.period}>
              <Table.Td>{words.period(row.period)}</Table.Td>
              <Table.Td ta="right">
                <CountCell cell={row.billed} k={report.k} />
              </Table.Td>
              <Table.Td ta="right">
                <CountCell cell={row.paid} k={report.k} />
              </Table.Td>
              <Table.Td ta="right">
                {row.rate === null ? "—" : `${formatNumber(row.rate * 100, i18n.language, 1)} %`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Reports({ buildingId }: { buildingId: string }) {
  const { t } = useTranslation();
  const query = { buildingId };
  const occupancy = useQuery({
    queryKey: [OCCUPANCY_PATH, buildingId],
    queryFn: () => api.GET(OCCUPANCY_PATH, { params: { query } }),
  });
  const rates = useQuery({
    queryKey: [PAYMENT_RATE_PATH, buildingId],
    queryFn: () => api.GET(PAYMENT_RATE_PATH, { params: { query } }),
  });
  const k = occupancy.data?.k ?? rates.data?.k ?? 5;
  return (
    <>
      <Alert color="blue" variant="light" title={t("privacyReports.suppressionTitle", { k })}>
        {t("privacyReports.suppression", { k })}
      </Alert>
      <Section id="occupancy" title={t("privacyReports.occupancy")}>
        <QueryView query={occupancy}>{(report) => <OccupancyTable report={report} />}</QueryView>
      </Section>
      <Section id="payment-rate" title={t("privacyReports.paymentRate")}>
        <QueryView query={rates}>{(report) => <PaymentRateTable report={report} />}</QueryView>
      </Section>
    </>
  );
}

/** Báo cáo tổng hợp: a building's occupancy and payment rate, as they may be shared outside the company. */
export default function ReportsPage() {
  const { t } = useTranslation();
  return (
    <BillingPage title={t("privacyReports.title")}>
      {(scope) => <Reports buildingId={scope.building.id} />}
    </BillingPage>
  );
}
