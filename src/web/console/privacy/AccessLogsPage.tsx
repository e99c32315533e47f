import { EmptyState, Group, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IconShield } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { type PagedItem, usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { DateTimeInput, FilterSelect } from "./parts.js";
import {
  ACCESS_LOGS_PATH,
  type DateTimeText,
  fromVietnamTime,
  parseDateTime,
  shortAgent,
} from "./privacy.js";

type Entry = PagedItem<typeof ACCESS_LOGS_PATH>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Time, who, what, answer, from where, how long: one row per request the API served. */
function useColumns(): Column<Entry>[] {
  const { t } = useTranslation();
  const mono = (text: string, breakAnywhere = false) => (
    <Text
      span
      size="sm"
      ff="monospace"
      style={breakAnywhere ? { wordBreak: "break-all" } : { whiteSpace: "nowrap" }}
    >
      {text}
    </Text>
  );
  return [
    {
      header: t("accessLogs.columns.at"),
      cell: (e) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(e.at)}
        </Text>
      ),
    },
    { header: t("accessLogs.columns.user"), cell: (e) => e.accountName ?? t("accessLogs.anonymous") },
    { header: t("accessLogs.columns.method"), cell: (e) => mono(e.method) },
    { header: t("accessLogs.columns.path"), cell: (e) => mono(e.path, true) },
    {
      header: t("accessLogs.columns.status"),
      cell: (e) => (
        <Text span size="sm" ff="monospace" c={e.status >= 500 ? "red.9" : undefined}>
          {e.status}
        </Text>
      ),
    },
    { header: t("accessLogs.columns.ip"), cell: (e) => mono(e.ip ?? "—") },
    {
      header: t("accessLogs.columns.agent"),
      cell: (e) =>
        e.userAgent ? (
          <Tooltip label={e.userAgent} multiline maw={420}>
            <Text span size="sm" tabIndex={0}>
              {shortAgent(e.userAgent)}
            </Text>
          </Tooltip>
        ) : (
          "—"
        ),
    },
    { header: t("accessLogs.columns.lang"), cell: (e) => e.lang ?? "—" },
    {
      header: t("accessLogs.columns.referrer"),
      cell: (e) => (
        <Text span size="sm" style={{ wordBreak: "break-all" }}>
          {e.referrer ?? "—"}
        </Text>
      ),
    },
    {
      header: t("accessLogs.columns.duration"),
      cell: (e) => (
        <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
          {t("accessLogs.ms", { ms: e.durationMs })}
        </Text>
      ),
    },
  ];
}

/** Nhật ký truy cập: who called which address, from where and when; kept for the retention period, then purged. */
export default function AccessLogsPage() {
  const { t } = useTranslation();
  const [fromText, setFrom] = useState<DateTimeText>({ day: "", time: "" });
  const [toText, setTo] = useState<DateTimeText>({ day: "", time: "" });
  const from = parseDateTime(fromText);
  const to = parseDateTime(toText, "23:59");
  const [accountText, setAccount] = useState("");
  const [method, setMethod] = useState<(typeof METHODS)[number] | "">("");
  const [status, setStatus] = useState<(typeof STATUS_CLASSES)[number] | "">("");
  const [pathText, setPath] = useState("");
  const [account] = useDebouncedValue(accountText.trim(), 300);
  const [path] = useDebouncedValue(pathText.trim(), 300);
  const accountInvalid = account !== "" && !UUID.test(account);
  const list = usePagedList(ACCESS_LOGS_PATH, {
    from: fromVietnamTime(from),
    to: fromVietnamTime(to),
    accountId: accountInvalid ? undefined : account || undefined,
    method: method || undefined,
    status: status || undefined,
    path: path || undefined,
  });
  const columns = useColumns();

  return (
    <Stack gap={0}>
      <PageHeader title={t("accessLogs.title")} />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("accessLogs.intro")}
      </Text>
      <Stack>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <DateTimeInput
            label={t("accessLogs.from")}
            value={fromText}
            onChange={setFrom}
            error={from === null && t("accessLogs.dateInvalid")}
          />
          <DateTimeInput
            label={t("accessLogs.to")}
            value={toText}
            onChange={setTo}
            error={to === null && t("accessLogs.dateInvalid")}
          />
          <TextInput
            label={t("accessLogs.account")}
            description={t("accessLogs.accountHint")}
            value={accountText}
            onChange={(e) => setAccount(e.currentTarget.value)}
            error={accountInvalid ? t("accessLogs.accountInvalid") : undefined}
            w={{ base: "100%", sm: 320 }}
          />
          <FilterSelect
            label={t("accessLogs.columns.method")}
            value={method}
            values={METHODS}
            word={(m) => m}
            onChange={setMethod}
          />
          <FilterSelect
            label={t("accessLogs.columns.status")}
            value={status}
            values={STATUS_CLASSES}
            word={(s) => t(`accessLogs.statusClasses.${s}`)}
            onChange={setStatus}
          />
          <TextInput
            type="search"
            label={t("accessLogs.path")}
            placeholder="/api/v1/residents"
            value={pathText}
            onChange={(e) => setPath(e.currentTarget.value)}
          />
        </Group>
        <PagedTable
          list={list}
          columns={columns}
          label={t("accessLogs.title")}
          minWidth={1200}
          empty={
            <EmptyState
              icon={<IconShield size={32} />}
              variant="light"
              title={t("accessLogs.emptyTitle")}
              description={t("accessLogs.empty")}
              py="lg"
            />
          }
        />
      </Stack>
    </Stack>
  );
}
