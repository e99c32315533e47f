import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import type { BillingReview as BillingReviewSchema } from "../../../contracts/index.js";
import { ApiError, api } from "../../api.js";
import { INVOICES_PATH, type IssueResult, useBillingWords } from "../../billing/billing.js";
import { FormError } from "../../components/forms.js";
import { billingLink } from "./scope.js";

type Review = z.infer<typeof BillingReviewSchema>;
type Choice = "issue" | "exclude";
type Decision = { choice: Choice; reason: string };
type Item = { invoiceId: string | null; unitCode: string; code: string | null; total: number | null };

const REVIEWS_PATH = "/billing-reviews";

/** The ids a review flags, each once: every one needs a decision before the month can be issued. */
function flaggedOf(review: Review): string[] {
  return [
    ...new Set([
      ...review.missingReadings.flatMap((m) => (m.invoiceId ? [m.invoiceId] : [])),
      ...review.outliers.map((o) => o.invoiceId),
      ...review.firstTime.map((n) => n.invoiceId),
      ...review.changed.map((c) => c.invoiceId),
    ]),
  ];
}

/** Read by screen readers, not shown: the row already says which unit it is. */
const HIDDEN = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

/** Issue or exclude, for one notice; excluding asks for an optional reason. */
function DecisionField({
  item,
  decision,
  onChange,
}: {
  item: Item & { invoiceId: string };
  decision: Decision | undefined;
  onChange: (d: Decision) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Radio.Group
        value={decision?.choice ?? null}
        onChange={(value) => onChange({ choice: value as Choice, reason: decision?.reason ?? "" })}
        label={t("billing.review.decisionFor", { unit: item.unitCode })}
        styles={{ label: HIDDEN }}
      >
        <Group gap="md" wrap="nowrap">
          <Radio value="issue" label={t("billing.review.issueIt")} />
          <Radio value="exclude" label={t("billing.review.excludeIt")} />
        </Group>
      </Radio.Group>
      {decision?.choice === "exclude" && (
        <TextInput
          size="xs"
          label={t("billing.review.reason", { unit: item.unitCode })}
          value={decision.reason}
          maxLength={500}
          onChange={(event) => onChange({ choice: "exclude", reason: event.currentTarget.value })}
        />
      )}
    </Stack>
  );
}

/** One flagged item: the unit and its notice (opened in a new tab), what was found, and the decision. */
function ItemRow({
  review,
  item,
  detail,
  decisions,
  decide,
  extra,
}: {
  review: Review;
  item: Item;
  detail: ReactNode;
  decisions: Map<string, Decision>;
  decide: (id: string, d: Decision) => void;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const notices = billingLink("notices", review.buildingId, review.period);
  const { invoiceId } = item;
  return (
    <Paper component="li" withBorder p="xs" radius="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} miw={0} style={{ flex: "1 1 260px" }}>
          <Group gap="xs" wrap="wrap">
            {invoiceId ? (
              <Anchor
                component={Link}
                to={`${notices}&invoice=${invoiceId}`}
                target="_blank"
                fw={700}
                aria-label={t("billing.review.openNotice", { unit: item.unitCode })}
              >
                {item.unitCode}
              </Anchor>
            ) : (
              <Text fw={700}>{item.unitCode}</Text>
            )}
            {item.total !== null && (
              <Text size="sm" c="dimmed">
                {words.vnd(item.total)}
              </Text>
            )}
          </Group>
          <Text size="sm">{detail}</Text>
          {extra}
        </Stack>
        {invoiceId ? (
          <DecisionField
            item={{ ...item, invoiceId }}
            decision={decisions.get(invoiceId)}
            onChange={(d) => decide(invoiceId, d)}
          />
        ) : (
          <Text size="sm" c="dimmed" maw={260}>
            {t("billing.review.noDraft")}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/** Items shown per section before "show all": a first month can flag every unit. */
const SHOWN = 30;

/** A section of the review: its title with the count, all-at-once choices, then its items. */
function ReviewSection<T extends Item>({
  id,
  title,
  hint,
  items,
  decideAll,
  render,
}: {
  id: string;
  title: string;
  hint: string;
  items: T[];
  decideAll: (ids: string[], choice: Choice) => void;
  render: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const ids = items.flatMap((i) => (i.invoiceId ? [i.invoiceId] : []));
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <section aria-labelledby={id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={id}>
            {title}
          </Title>
          {ids.length > 0 && (
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => decideAll(ids, "issue")}
                aria-label={`${t("billing.review.issueAll")}: ${title}`}
              >
                {t("billing.review.issueAll")}
              </Button>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red.9"
                onClick={() => decideAll(ids, "exclude")}
                aria-label={`${t("billing.review.excludeAll")}: ${title}`}
              >
                {t("billing.review.excludeAll")}
              </Button>
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }}>
          {shown.map(render)}
        </Stack>
        {shown.length < items.length && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setAll(true)}
            style={{ alignSelf: "flex-start" }}
          >
            {t("billing.review.showAll", { count: items.length, section: title })}
          </Button>
        )}
      </Stack>
    </section>
  );
}

/**
 * The issue confirmation: previews the month's drafts on the server (missing readings, outliers, units billed
 * for the first time, drafts changed since the last preview), asks a decision for each flagged notice — issue
 * it, or leave it out as a draft — and enables "Issue" only once every one is decided.
 */
export function IssueReview({
  buildingId,
  period,
  onClose,
  onIssued,
}: {
  buildingId: string;
  period: string;
  onClose: () => void;
  onIssued: (result: IssueResult) => void;
}) {
  const { t } = useTranslation();
  const words = useBillingWords();
  const queryClient = useQueryClient();
  const [decisions, setDecisions] = useState(new Map<string, Decision>());
  const review = useQuery({
    queryKey: [REVIEWS_PATH, buildingId, period],
    queryFn: () => api.POST(REVIEWS_PATH, { body: { buildingId, period } }),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const decide = (id: string, d: Decision) => setDecisions((prev) => new Map(prev).set(id, d));
  const decideAll = (ids: string[], choice: Choice) =>
    setDecisions((prev) => {
      const next = new Map(prev);
      for (const id of ids) next.set(id, { choice, reason: prev.get(id)?.reason ?? "" });
      return next;
    });
  const issue = useMutation({
    mutationFn: (r: Review) =>
      api.POST("/invoices/issue", {
        body: {
          buildingId,
          period,
          reviewId: r.id,
          decisions: [...decisions].map(([invoiceId, d]) => ({
            invoiceId,
            choice: d.choice,
            reason: d.choice === "exclude" && d.reason.trim() ? d.reason.trim() : undefined,
          })),
        },
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: [INVOICES_PATH] });
      onIssued(result);
      onClose();
    },
  });
  const stale = issue.error instanceof ApiError && issue.error.code === "REVIEW_STALE";

  let body: ReactNode;
  let ready = false;
  let r: Review | undefined;
  if (review.isPending) {
    body = (
      <Group gap="sm">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{t("billing.review.loading")}</Text>
      </Group>
    );
  } else if (review.isError) {
    body = <FormError error={review.error} />;
  } else {
    r = review.data;
    const flagged = flaggedOf(r);
    const undecided = flagged.filter((id) => !decisions.has(id)).length;
    const excluded = [...decisions.values()].filter((d) => d.choice === "exclude").length;
    ready = undecided === 0 && r.drafts - excluded > 0;
    const metric = (m: Review["outliers"][number]["reasons"][number]) => {
      const value =
        m.metric === "total"
          ? words.vnd(m.value)
          : `${words.number(m.value, 0)} ${words.meterUnit(m.metric)}`;
      const median =
        m.metric === "total"
          ? words.vnd(Math.round(m.median))
          : `${words.number(m.median, 1)} ${words.meterUnit(m.metric)}`;
      const what = m.metric === "total" ? t("billing.review.totalMetric") : words.meter(m.metric);
      return t(m.basis === "unit" ? "billing.review.aboveOwn" : "billing.review.aboveBuilding", {
        what,
        value,
        median,
        times: words.number(m.value / m.median, 1),
      });
    };
    const row = (item: Item, detail: ReactNode, key: string, extra?: ReactNode) => (
      <ItemRow
        key={key}
        review={r as Review}
        item={item}
        detail={detail}
        decisions={decisions}
        decide={decide}
        extra={extra}
      />
    );
    body = (
      <Stack gap="lg">
        <Text>
          {t("billing.review.summary", {
            count: r.drafts,
            period: words.period(period),
            total: words.vnd(r.draftTotal),
          })}
        </Text>
        {flagged.length === 0 && r.missingReadings.length === 0 ? (
          <Alert color="teal" variant="light">
            {t("billing.review.nothing")}
          </Alert>
        ) : (
          <Text size="sm">{t("billing.review.intro", { count: flagged.length })}</Text>
        )}
        <ReviewSection
          id="review-missing"
          title={t("billing.review.missingTitle", { count: r.missingReadings.length })}
          hint={t("billing.review.missingHint")}
          items={r.missingReadings}
          decideAll={decideAll}
          render={(m) =>
            row(
              m,
              t("billing.review.missingDetail", { meters: m.kinds.map((k) => words.meter(k)).join(", ") }),
              `m-${m.unitId}`,
              <Anchor
                component={Link}
                to={billingLink("readings", buildingId, period)}
                target="_blank"
                size="sm"
              >
                {t("billing.review.enterReading", { unit: m.unitCode })}
              </Anchor>,
            )
          }
        />
        <ReviewSection
          id="review-outliers"
          title={t("billing.review.outliersTitle", { count: r.outliers.length })}
          hint={t("billing.review.outliersHint", {
            own: r.rule.ownFactor,
            months: r.rule.historyMonths,
            building: r.rule.buildingFactor,
          })}
          items={r.outliers}
          decideAll={decideAll}
          render={(o) => row(o, o.reasons.map(metric).join(" · "), `o-${o.invoiceId}`)}
        />
        <ReviewSection
          id="review-first"
          title={t("billing.review.firstTitle", { count: r.firstTime.length })}
          hint={t("billing.review.firstHint")}
          items={r.firstTime}
          decideAll={decideAll}
          render={(n) => row(n, t("billing.review.firstDetail"), `f-${n.invoiceId}`)}
        />
        <ReviewSection
          id="review-changed"
          title={t("billing.review.changedTitle", { count: r.changed.length })}
          hint={t("billing.review.changedHint")}
          items={r.changed}
          decideAll={decideAll}
          render={(c) =>
            row(
              c,
              c.before === null
                ? t("billing.review.changedNew")
                : t("billing.review.changedFrom", { before: words.vnd(c.before), after: words.vnd(c.total) }),
              `c-${c.invoiceId}`,
            )
          }
        />
        {undecided > 0 && (
          <Text size="sm" fw={600} role="status">
            {t("billing.review.undecided", { count: undecided })}
          </Text>
        )}
        {excluded > 0 && (
          <Text size="sm" role="status">
            {t("billing.review.willExclude", { count: excluded })}
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      centered
      title={t("billing.issueTitle", { period: words.period(period) })}
      closeButtonProps={{ "aria-label": t("common.close") }}
      styles={{ title: { fontWeight: 700, fontSize: "var(--mantine-font-size-lg)" } }}
    >
      <Stack>
        {body}
        <FormError error={issue.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          {stale ? (
            <Button
              onClick={() => {
                issue.reset();
                setDecisions(new Map());
                void review.refetch();
              }}
            >
              {t("billing.review.again")}
            </Button>
          ) : (
            <Button onClick={() => r && issue.mutate(r)} disabled={!ready} loading={issue.isPending}>
              {t("billing.issue")}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
