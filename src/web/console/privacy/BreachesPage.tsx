import { Anchor, Button, EmptyState, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { IconShield } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { BreachDrawer } from "./BreachDrawer.js";
import { BreachClock, SeverityBadge } from "./BreachParts.js";
import { OpenBreachModal } from "./OpenBreachModal.js";
import { FilterSelect, useOpenParam } from "./parts.js";
import {
  BREACH_STATUSES,
  BREACHES_PATH,
  type Breach,
  type BreachStatus,
  usePrivacyWords,
} from "./privacy.js";

type Filter = BreachStatus | "active";
const FILTERS: Filter[] = ["active", ...BREACH_STATUSES];

/** Sự cố lộ lọt dữ liệu: each incident with its 72-hour clock; a row opens it to contain, report and notify. */
export default function BreachesPage() {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  // The console's inbox links here with ?status=active: every incident not closed yet.
  const [params] = useSearchParams();
  const asked = params.get("status") as Filter | null;
  const [status, setStatus] = useState<Filter | "">(asked && FILTERS.includes(asked) ? asked : "");
  const [opening, setOpening] = useState(false);
  const [openId, setOpen] = useOpenParam("breach");
  const list = usePagedList(BREACHES_PATH, { status: status || undefined });
  const fetchedAt = list.query.dataUpdatedAt;

  const columns: Column<Breach>[] = [
    {
      header: t("breaches.titleLabel"),
      cell: (b) => (
        <Anchor component="button" type="button" size="sm" fw={500} ta="left" onClick={() => setOpen(b.id)}>
          {b.title}
        </Anchor>
      ),
    },
    { header: t("breaches.severity"), cell: (b) => <SeverityBadge severity={b.severity} /> },
    { header: t("breaches.detectedAt"), cell: (b) => formatDateTime(b.detectedAt) },
    { header: t("common.status"), cell: (b) => words.breachStatus(b.status) },
    { header: t("breaches.clock"), cell: (b) => <BreachClock breach={b} fetchedAt={fetchedAt} /> },
    { header: t("breaches.affected"), cell: (b) => b.affectedCount },
    {
      header: t("breaches.residentsNotified"),
      cell: (b) => (
        <Text size="sm">
          {b.residentsNotifiedAt ? formatDateTime(b.residentsNotifiedAt) : t("breaches.notYet")}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap={0}>
      <PageHeader
        title={t("breaches.title")}
        action={<Button onClick={() => setOpening(true)}>{t("breaches.open")}</Button>}
      />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("breaches.intro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("breaches.title")}
        minWidth={1000}
        onOpen={(b) => setOpen(b.id)}
        filters={
          <FilterSelect
            label={t("common.status")}
            value={status}
            values={FILTERS}
            word={(value) => (value === "active" ? t("breaches.active") : words.breachStatus(value))}
            onChange={setStatus}
          />
        }
        empty={
          <EmptyState
            icon={<IconShield size={32} />}
            variant="light"
            title={t("breaches.emptyTitle")}
            description={t("breaches.empty")}
            py="lg"
          />
        }
      />
      {openId && <BreachDrawer breachId={openId} onClose={() => setOpen(null)} />}
      {opening && (
        <OpenBreachModal
          onClose={() => setOpening(false)}
          onOpened={(breach) => {
            setOpening(false);
            setOpen(breach.id);
          }}
        />
      )}
    </Stack>
  );
}
