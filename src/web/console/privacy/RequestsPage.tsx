import { Anchor, Button, EmptyState, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { IconShield } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { FilterSelect, useOpenParam } from "./parts.js";
import {
  type PrivacyRequest,
  REQUEST_FILTERS,
  REQUEST_KINDS,
  REQUESTS_PATH,
  type RequestKind,
  usePrivacyWords,
} from "./privacy.js";
import { RecordRequestModal } from "./RecordRequestModal.js";
import { RequestDrawer } from "./RequestDrawer.js";
import { RequestClock, RequestStatusBadge } from "./RequestParts.js";

type StatusFilter = (typeof REQUEST_FILTERS)[number];

/** Yêu cầu của chủ thể dữ liệu: every request with its one-month clock; a row opens it to handle it. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const words = usePrivacyWords();
  const [openId, setOpen] = useOpenParam("request");
  const [status, setStatus] = useState<StatusFilter | "">("active");
  const [kind, setKind] = useState<RequestKind | "">("");
  // The dashboard links here with ?overdue=true.
  const [params] = useSearchParams();
  const [overdue, setOverdue] = useState<"true" | "false" | "">(
    params.get("overdue") === "true" ? "true" : "",
  );
  const [recording, setRecording] = useState(false);
  // "active" is what the server lists by default: choosing it is no filter, and an empty list means none yet.
  const list = usePagedList(REQUESTS_PATH, {
    status: status === "active" ? undefined : status,
    kind: kind || undefined,
    overdue: overdue || undefined,
  });

  const columns: Column<PrivacyRequest>[] = [
    {
      header: t("privacyRequests.resident"),
      cell: (r) => (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={500}
          onClick={() => setOpen(r.id)}
          aria-label={t("privacyRequests.openNamed", { kind: words.kind(r.kind), name: r.residentName })}
        >
          {r.residentName}
        </Anchor>
      ),
    },
    { header: t("privacyRequests.kind"), cell: (r) => words.kind(r.kind) },
    { header: t("privacyRequests.channel"), cell: (r) => words.channel(r.channel) },
    {
      header: t("common.createdAt"),
      cell: (r) => <Text size="sm">{formatDateTime(r.createdAt)}</Text>,
    },
    { header: t("privacyRequests.due"), cell: (r) => <RequestClock request={r} /> },
    { header: t("privacyRequests.handler"), cell: (r) => r.handler?.name ?? t("privacyRequests.noHandler") },
    { header: t("common.status"), cell: (r) => <RequestStatusBadge status={r.status} /> },
  ];

  return (
    <Stack gap={0}>
      <PageHeader
        title={t("privacyRequests.title")}
        action={<Button onClick={() => setRecording(true)}>{t("privacyRequests.record")}</Button>}
      />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("privacyRequests.intro")}
      </Text>
      <PagedTable
        list={list}
        columns={columns}
        label={t("privacyRequests.title")}
        searchLabel={t("privacyRequests.search")}
        minWidth={1000}
        onOpen={(r) => setOpen(r.id)}
        filters={
          <>
            <FilterSelect
              label={t("common.status")}
              value={status}
              values={REQUEST_FILTERS}
              word={words.status}
              onChange={setStatus}
              withAll={false}
            />
            <FilterSelect
              label={t("privacyRequests.kind")}
              value={kind}
              values={REQUEST_KINDS}
              word={words.kind}
              onChange={setKind}
            />
            <FilterSelect
              label={t("privacyRequests.deadline")}
              value={overdue}
              values={["true", "false"] as const}
              word={(v) => (v === "true" ? t("privacyRequests.overdueOnly") : t("privacyRequests.onTime"))}
              onChange={setOverdue}
            />
          </>
        }
        empty={
          <EmptyState
            icon={<IconShield size={32} />}
            variant="light"
            title={t("privacyRequests.emptyTitle")}
            description={t("privacyRequests.empty")}
            py="lg"
          />
        }
      />
      {openId && <RequestDrawer requestId={openId} onClose={() => setOpen(null)} />}
      {recording && (
        <RecordRequestModal
          onClose={() => setRecording(false)}
          onRecorded={(request) => {
            setRecording(false);
            setOpen(request.id);
          }}
        />
      )}
    </Stack>
  );
}
