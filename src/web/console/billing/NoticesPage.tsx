import {
  Alert,
  Anchor,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api.js";
import {
  INVOICE_STATUSES,
  INVOICES_PATH,
  type InvoiceStatus,
  type InvoiceSummary,
  type IssueResult,
  missingReadingsPath,
  RUNS_PATH,
  useBillingWords,
} from "../../billing/billing.js";
import { InvoiceStatusBadges } from "../../billing/InvoiceStatusBadges.js";
import { FormError } from "../../components/forms.js";
import { IconReceipt } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDay } from "../../format.js";
import { useBillingAccess } from "../access.js";
import { InvoiceDrawer } from "./InvoiceDrawer.js";
import { IssueReview } from "./IssueReview.js";
import { Section, WARNING_STYLES } from "./Section.js";
import { BillingPage, type BillingScope, billingLink } from "./scope.js";

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size="lg">
        {children}
      </Text>
    </div>
  );
}

/** A billing run, polled every second while it works; when it ends, the notices are read again. */
function useRun(runId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [RUNS_PATH, runId],
    queryFn:
      runId === null
        ? skipToken
        : async () => {
            const data = await api.GET("/billing-runs/{id}", { params: { path: { id: runId } } });
            if (data.status !== "running") await queryClient.invalidateQueries({ queryKey: [INVOICES_PATH] });
            return data;
          },
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
  });
}

/** A run's progress while it works, then what it did (or that it failed, with a way to run it again). */
function RunStatus({ run, onRetry }: { run: ReturnType<typeof useRun>; onRetry: () => void }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  if (run.isPending) return null;
  if (run.isError) return <FormError error={run.error} />;
  const r = run.data;
  if (r.status === "running") {
    const percent = r.units > 0 ? Math.round((r.done / r.units) * 100) : 0;
    const progress = t("billing.runProgress", { done: r.done, units: r.units });
    return (
      <Stack gap={6}>
        <Text size="sm">{progress}</Text>
        <Progress value={percent} size="lg" striped animated aria-label={progress} />
      </Stack>
    );
  }
  if (r.status === "failed") {
    return (
      <Alert color="red" variant="light" role="alert" title={t("billing.runFailedTitle")}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t("billing.runFailed")}</Text>
          <Button color="red" onClick={onRetry}>
            {t("billing.runAgain")}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="xs" role="status">
      <Text fw={500}>{t("billing.runDone", { period: words.period(r.period) })}</Text>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="md" m={0}>
        <Figure label={t("billing.runCreated")}>{r.created}</Figure>
        <Figure label={t("billing.runRedrafted")}>{r.redrafted}</Figure>
        <Figure label={t("billing.runChangedAfterIssue")}>{r.changedAfterIssue}</Figure>
        <Figure label={t("billing.runInvoices")}>{r.invoices}</Figure>
        <Figure label={t("billing.runTotal")}>{words.vnd(r.total)}</Figure>
      </SimpleGrid>
      {r.changedAfterIssue > 0 && (
        <Text size="sm" c="dimmed">
          {t("billing.changedAfterIssueHint")}
        </Text>
      )}
    </Stack>
  );
}

/** Tính phí: readings still missing, the run with its progress and summary, then issuing the drafts. */
function RunSection({ scope }: { scope: BillingScope }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const access = useBillingAccess();
  const queryClient = useQueryClient();
  const buildingId = scope.building.id;
  const runId = scope.params.get("run");
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssueResult | null>(null);

  const missing = useQuery({
    queryKey: [missingReadingsPath(buildingId), { period: scope.period }],
    queryFn: () =>
      api.GET("/buildings/{id}/missing-readings", {
        params: { path: { id: buildingId }, query: { period: scope.period } },
      }),
  });
  const draftsQuery = { buildingId, period: scope.period, status: "draft" as const, page: 1, pageSize: 1 };
  const drafts = useQuery({
    queryKey: [INVOICES_PATH, draftsQuery],
    queryFn: () => api.GET(INVOICES_PATH, { params: { query: draftsQuery } }),
  });
  const start = useMutation({
    mutationFn: () => api.POST(RUNS_PATH, { body: { buildingId, period: scope.period } }),
    onSuccess: (run) => {
      setIssued(null);
      queryClient.setQueryData([RUNS_PATH, run.id], run);
      scope.setParam("run", run.id);
    },
  });
  const run = useRun(runId);
  const running = run.data?.status === "running";
  const draftCount = drafts.data?.total ?? 0;
  const missingCount = missing.data?.items.length ?? 0;

  return (
    <Section id="billing-run" title={t("billing.runTitle", { period: words.period(scope.period) })}>
      {missing.isError ? (
        <FormError error={missing.error} />
      ) : (
        missingCount > 0 && (
          <Alert
            color="yellow"
            variant="light"
            styles={WARNING_STYLES}
            title={t("billing.missingTitle", { count: missingCount })}
          >
            <Text size="sm">
              {t("billing.missingText")}{" "}
              {access.recordsReadings && (
                <Anchor component={Link} to={billingLink("readings", buildingId, scope.period)} size="sm">
                  {t("billing.toReadings")}
                </Anchor>
              )}
            </Text>
          </Alert>
        )
      )}
      {(access.runs || draftCount > 0) && (
        <Group gap="sm">
          {access.runs && (
            <Button onClick={() => start.mutate()} loading={start.isPending || running}>
              {t("billing.run")}
            </Button>
          )}
          {access.runs && (
            <Button
              variant="outline"
              onClick={() => setIssuing(true)}
              disabled={draftCount === 0 || running}
              aria-describedby="drafts-count"
            >
              {t("billing.issue")}
            </Button>
          )}
          <Text size="sm" c="dimmed" id="drafts-count">
            {t("billing.draftsCount", { count: draftCount })}
          </Text>
        </Group>
      )}
      {!access.runs && (
        <Text size="sm" c="dimmed">
          {t("billing.runReadOnly")}
        </Text>
      )}
      <FormError error={start.error} />
      {runId && <RunStatus run={run} onRetry={() => start.mutate()} />}
      {issued && (
        <Alert
          color="teal"
          variant="light"
          role="status"
          styles={WARNING_STYLES}
          title={t("billing.issuedTitle")}
        >
          {issued.issued > 0
            ? t("billing.issuedText", { count: issued.issued, first: issued.firstNumber ?? "—" })
            : t("billing.issuedNone")}
          {issued.excluded > 0 && ` ${t("billing.review.excludedText", { count: issued.excluded })}`}
        </Alert>
      )}
      {issuing && (
        <IssueReview
          buildingId={buildingId}
          period={scope.period}
          onClose={() => setIssuing(false)}
          onIssued={setIssued}
        />
      )}
    </Section>
  );
}

function NoticesSection({ scope }: { scope: BillingScope }) {
  const { t } = useTranslation();
  const words = useBillingWords();
  // The console's inbox links here with ?status=draft.
  const asked = scope.params.get("status") as InvoiceStatus | null;
  const [status, setStatus] = useState<InvoiceStatus | "">(
    asked && INVOICE_STATUSES.includes(asked) ? asked : "",
  );
  const list = usePagedList(INVOICES_PATH, { status: status || undefined }, undefined, {
    buildingId: scope.building.id,
    period: scope.period,
  });
  const open = (invoice: InvoiceSummary) => scope.setParam("invoice", invoice.id);
  const money = (value: number) => (
    <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
      {words.vnd(value)}
    </Text>
  );
  const columns: Column<InvoiceSummary>[] = [
    { header: t("billing.number"), cell: (i) => i.number ?? "—" },
    {
      header: t("billing.code"),
      cell: (i) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          ff="monospace"
          onClick={() => open(i)}
          aria-label={t("billing.openNotice", { code: i.code, unit: i.unitCode })}
        >
          {i.code}
        </Anchor>
      ),
    },
    { header: t("billing.unit"), cell: (i) => i.unitCode },
    { header: t("billing.billTo"), cell: (i) => i.billTo ?? "—" },
    { header: t("billing.total"), cell: (i) => money(i.total) },
    { header: t("billing.paid"), cell: (i) => money(i.paid) },
    { header: t("billing.balance"), cell: (i) => money(i.balance) },
    { header: t("common.status"), cell: (i) => <InvoiceStatusBadges invoice={i} /> },
    { header: t("billing.dueOn"), cell: (i) => (i.dueOn ? formatDay(i.dueOn) : "—") },
  ];
  const invoiceId = scope.params.get("invoice");
  return (
    <Section id="notices" title={t("billing.notices")}>
      <PagedTable
        list={list}
        columns={columns}
        label={t("billing.noticesOf", { period: words.period(scope.period) })}
        searchLabel={t("billing.searchNotices")}
        minWidth={1000}
        onOpen={open}
        filters={
          <NativeSelect
            label={t("common.status")}
            data={[
              { value: "", label: t("common.all") },
              ...INVOICE_STATUSES.map((value) => ({ value, label: words.status(value) })),
            ]}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as InvoiceStatus | "")}
            w={{ base: "100%", xs: 200 }}
          />
        }
        empty={
          <EmptyState
            icon={<IconReceipt size={32} />}
            variant="light"
            title={t("billing.noticesEmptyTitle")}
            description={t("billing.noticesEmpty")}
            py="lg"
          />
        }
      />
      {invoiceId && <InvoiceDrawer invoiceId={invoiceId} onClose={() => scope.setParam("invoice", null)} />}
    </Section>
  );
}

/** Tính phí & thông báo phí: bill a building's month, issue the notices, look at each and take cash. */
export default function NoticesPage() {
  const { t } = useTranslation();
  return (
    <BillingPage title={t("billing.noticesTitle")} withPeriod>
      {(scope) => (
        <>
          <RunSection scope={scope} />
          <NoticesSection scope={scope} />
        </>
      )}
    </BillingPage>
  );
}
