import { Paper, SimpleGrid, Skeleton, Text } from "@mantine/core";
import { skipToken, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type {
  Ageing as AgeingSchema,
  BillingDashboard as BillingDashboardSchema,
} from "../../../contracts/index.js";
import { api } from "../../api.js";
import { useBillingWords } from "../../billing/billing.js";
import { formatNumber } from "../../format.js";

export type BillingDashboard = z.infer<typeof BillingDashboardSchema>;
export type Ageing = z.infer<typeof AgeingSchema>;
export type DebtRow = Ageing["units"]["items"][number];

export const DASHBOARD_PATH = "/billing/dashboard";
export const DEBTS_PATH = "/debts";
export const statementPath = (unitId: string) => `/units/${unitId}/statement`;
export const MONTHS = 12;

/** A building's collection over the last twelve months, its debts and largest debtors. */
export function useBillingDashboard(buildingId: string | undefined) {
  const query = { buildingId, months: MONTHS };
  return useQuery({
    queryKey: [DASHBOARD_PATH, query],
    queryFn:
      buildingId === undefined
        ? skipToken
        : () => api.GET(DASHBOARD_PATH, { params: { query: { buildingId, months: MONTHS } } }),
  });
}

/** "87,5%" in the UI language. */
export function usePercent() {
  const { i18n } = useTranslation();
  return (rate: number) => `${formatNumber(Math.round(rate * 1000) / 10, i18n.language, 1)}%`;
}

function Kpi({ label, value, hint }: { label: string; value: ReactNode; hint: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton h={36} w={120} my={4} />
      ) : (
        <Text fz={28} fw={700} lh={1.4} style={{ whiteSpace: "nowrap" }}>
          {value}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** Tỷ lệ thu, còn phải thu, quá hạn: three cards, shared by the billing overview and the console's dashboard. */
export function CollectionKpis({ data }: { data: BillingDashboard | undefined }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const percent = usePercent();
  const rate =
    data === undefined
      ? undefined
      : data.collectionRate === null
        ? t("billing.collection.rateNone")
        : percent(data.collectionRate);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Kpi
        label={t("billing.collection.rate")}
        value={rate}
        hint={t("billing.collection.rateHint", { count: MONTHS })}
      />
      <Kpi
        label={t("billing.collection.outstanding")}
        value={data && words.vnd(data.outstanding)}
        hint={t("billing.collection.outstandingHint")}
      />
      <Kpi
        label={t("billing.collection.overdue")}
        value={data && words.vnd(data.overdue)}
        hint={t("billing.collection.overdueHint")}
      />
    </SimpleGrid>
  );
}
