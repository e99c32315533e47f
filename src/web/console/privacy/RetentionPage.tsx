import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { RetentionOverview, RetentionSettings } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { FormError, showFieldErrors } from "../../components/forms.js";
import { PageHeader } from "../../components/Pages.js";
import { formatDateTime, formatNumber } from "../../format.js";
import { Section } from "../billing/Section.js";
import { QueryView } from "./parts.js";
import { RETENTION_PATH } from "./privacy.js";

type Overview = z.infer<typeof RetentionOverview>;
type Settings = z.infer<typeof RetentionSettings>;
type Run = Overview["lastRuns"][number];

const PERIODS = [
  "accessLogDays",
  "closedAccountDays",
  "ticketPhotoDays",
  "conversationDays",
  "visitorLogDays",
] as const;
const DAYS_PER_MONTH = 365 / 12;

/** 365 → "≈ 12 tháng", so that a period in days reads as people think of it. */
function useMonths() {
  const { t, i18n } = useTranslation();
  return (days: unknown) =>
    typeof days === "number" && days > 0
      ? t("retention.months", {
          months: formatNumber(Math.round((days / DAYS_PER_MONTH) * 10) / 10, i18n.language, 1),
        })
      : undefined;
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const months = useMonths();
  const queryClient = useQueryClient();
  const form = useForm<Record<keyof Settings, number | string>>({
    initialValues: settings,
    validate: Object.fromEntries(
      PERIODS.map((key) => [
        key,
        (value: number | string) =>
          typeof value === "number" &&
          Number.isInteger(value) &&
          value >= (key === "visitorLogDays" ? 7 : 30) &&
          value <= 3650
            ? null
            : t("retention.range"),
      ]),
    ),
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.PUT(RETENTION_PATH, {
        body: {
          accessLogDays: Number(values.accessLogDays),
          closedAccountDays: Number(values.closedAccountDays),
          ticketPhotoDays: Number(values.ticketPhotoDays),
          conversationDays: Number(values.conversationDays),
          visitorLogDays: Number(values.visitorLogDays),
        },
      }),
    onSuccess: (overview) => {
      queryClient.setQueryData([RETENTION_PATH], overview);
      form.resetDirty(overview.settings);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {PERIODS.map((key) => (
            <Stack key={key} gap={4}>
              <NumberInput
                label={t(`retention.periods.${key}`)}
                description={t(`retention.hints.${key}`)}
                min={30}
                max={3650}
                allowDecimal={false}
                allowNegative={false}
                suffix={` ${t("retention.days")}`}
                {...form.getInputProps(key)}
              />
              <Text size="sm" c="dimmed">
                {months(form.values[key])}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <FormError error={save.error} />
        {save.isSuccess && !form.isDirty() && (
          <Alert color="teal" variant="light" role="status">
            {t("retention.saved")}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RunsTable({ runs }: { runs: Run[] }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <Text size="sm">{t("retention.noRuns")}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder aria-label={t("retention.runs")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("retention.category")}</Table.Th>
            <Table.Th scope="col">{t("retention.ranAt")}</Table.Th>
            <Table.Th scope="col">{t("retention.cutoff")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("retention.removed")}
            </Table.Th>
            <Table.Th scope="col">{t("retention.details")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.category}>
              <Table.Td>{t(`retention.categories.${run.category}`)}</Table.Td>
              <Table.Td>{formatDateTime(run.at)}</Table.Td>
              <Table.Td>{formatDateTime(run.cutoff)}</Table.Td>
              <Table.Td ta="right">{run.removed}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {Object.entries(run.details)
                    .map(
                      ([key, value]) =>
                        `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`,
                    )
                    .join(" · ") || "—"}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Thời hạn lưu trữ: how long access logs, closed accounts and ticket photos are kept, and what the last purge removed. */
export default function RetentionPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: [RETENTION_PATH], queryFn: () => api.GET(RETENTION_PATH) });
  return (
    <Stack gap={0}>
      <PageHeader title={t("retention.title")} />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("retention.intro")}
      </Text>
      <QueryView query={query}>
        {(overview) => (
          <Stack gap="lg">
            <Section id="retention-settings" title={t("retention.settings")}>
              <SettingsForm settings={overview.settings} />
            </Section>
            <Section id="retention-runs" title={t("retention.runs")}>
              <RunsTable runs={overview.lastRuns} />
            </Section>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

/** The retention periods alone, as the settings page shows them (the purge runs stay on this page). */
export function RetentionSettingsSection({ title }: { title: string }) {
  const query = useQuery({ queryKey: [RETENTION_PATH], queryFn: () => api.GET(RETENTION_PATH) });
  return (
    <Section id="settings-retention" title={title}>
      <QueryView query={query}>{(overview) => <SettingsForm settings={overview.settings} />}</QueryView>
    </Section>
  );
}
