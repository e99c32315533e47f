import { ActionIcon, EmptyState, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Fact } from "../../components/Fact.js";
import { IconShield } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { type PagedItem, usePagedList } from "../../components/usePagedList.js";
import { formatDateTime } from "../../format.js";
import { PersonPicker } from "./PersonPicker.js";
import { DateTimeInput, DetailDrawer, FilterSelect, useOpenParam } from "./parts.js";
import { ACCESS_LOGS_PATH, fromVietnamTime, parseDateTime, shortAgent } from "./privacy.js";

type Entry = PagedItem<typeof ACCESS_LOGS_PATH>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const STATUS_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;

/** A value shown on one line, cut with an ellipsis when the column is narrower; the whole of it on hover. */
function Cut({ text, maw, mono = false }: { text: string; maw: number; mono?: boolean }) {
  return (
    <Text
      span
      size="sm"
      ff={mono ? "monospace" : undefined}
      truncate="end"
      maw={maw}
      display="block"
      title={text}
    >
      {text}
    </Text>
  );
}

/**
 * Time, who, what, answer, from where, how long: one row per request the API served. The columns fit a
 * 1440 px console (long paths and names are cut, whole on hover and in the row's detail); the IP and browser
 * columns show from a wide screen up, and are in the detail on a tablet.
 */
function useColumns(open: (entry: Entry) => void): Column<Entry>[] {
  const { t } = useTranslation();
  return [
    {
      header: t("accessLogs.columns.at"),
      cell: (e) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(e.at)}
        </Text>
      ),
    },
    {
      header: t("accessLogs.columns.user"),
      cell: (e) => <Cut text={e.accountName ?? t("accessLogs.anonymous")} maw={180} />,
    },
    {
      header: t("accessLogs.columns.request"),
      cell: (e) => <Cut text={`${e.method} ${e.path}`} maw={380} mono />,
    },
    {
      header: t("accessLogs.columns.status"),
      cell: (e) => (
        <Text span size="sm" ff="monospace" c={e.status >= 500 ? "red.9" : undefined}>
          {e.status}
        </Text>
      ),
    },
    {
      header: t("accessLogs.columns.ip"),
      visibleFrom: "lg",
      cell: (e) => <Cut text={e.ip ?? "—"} maw={130} mono />,
    },
    {
      header: t("accessLogs.columns.agent"),
      visibleFrom: "lg",
      cell: (e) => <Cut text={e.userAgent ? shortAgent(e.userAgent) : "—"} maw={140} />,
    },
    {
      header: t("accessLogs.columns.duration"),
      cell: (e) => (
        <Text span size="sm" style={{ whiteSpace: "nowrap" }}>
          {t("accessLogs.ms", { ms: e.durationMs })}
        </Text>
      ),
    },
    {
      header: t("accessLogs.columns.detail"),
      cell: (e) => (
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t("accessLogs.openEntry", { time: formatDateTime(e.at) })}
          onClick={() => open(e)}
        >
          <Text span aria-hidden fw={700}>
            ⋯
          </Text>
        </ActionIcon>
      ),
    },
  ];
}

/** Everything recorded about one request, each value whole. */
function EntryDetail({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const mono = (text: string | null) => (
    <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
      {text ?? "—"}
    </Text>
  );
  return (
    <DetailDrawer title={t("accessLogs.entryTitle", { time: formatDateTime(entry.at) })} onClose={onClose}>
      <SimpleGrid component="dl" cols={1} spacing="sm" m={0}>
        <Fact label={t("accessLogs.columns.user")}>{entry.accountName ?? t("accessLogs.anonymous")}</Fact>
        <Fact label={t("accessLogs.columns.method")}>{mono(entry.method)}</Fact>
        <Fact label={t("accessLogs.columns.path")}>{mono(entry.path)}</Fact>
        <Fact label={t("accessLogs.columns.status")}>{mono(String(entry.status))}</Fact>
        <Fact label={t("accessLogs.columns.ip")}>{mono(entry.ip)}</Fact>
        <Fact label={t("accessLogs.columns.agent")}>{entry.userAgent ?? "—"}</Fact>
        <Fact label={t("accessLogs.columns.lang")}>{entry.lang ?? "—"}</Fact>
        <Fact label={t("accessLogs.columns.referrer")}>{mono(entry.referrer)}</Fact>
        <Fact label={t("accessLogs.columns.duration")}>{t("accessLogs.ms", { ms: entry.durationMs })}</Fact>
      </SimpleGrid>
    </DetailDrawer>
  );
}

/**
 * The page's filters in its address (a link or a reload shows the same list); typing replaces the history
 * entry rather than adding one per key.
 */
function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? "";
  const set = (patch: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { get, set };
}

/** Nhật ký truy cập: who called which address, from where and when; kept for the retention period, then purged. */
export default function AccessLogsPage() {
  const { t } = useTranslation();
  const filters = useFilterParams();
  const fromText = { day: filters.get("fromDay"), time: filters.get("fromTime") };
  const toText = { day: filters.get("toDay"), time: filters.get("toTime") };
  const from = parseDateTime(fromText);
  const to = parseDateTime(toText, "23:59");
  const accountId = filters.get("account");
  const method = filters.get("method") as (typeof METHODS)[number] | "";
  const status = filters.get("status") as (typeof STATUS_CLASSES)[number] | "";
  const [path] = useDebouncedValue(filters.get("path").trim(), 300);
  const list = usePagedList(ACCESS_LOGS_PATH, {
    from: fromVietnamTime(from),
    to: fromVietnamTime(to),
    accountId: accountId || undefined,
    method: METHODS.includes(method as never) ? method : undefined,
    status: STATUS_CLASSES.includes(status as never) ? status : undefined,
    path: path || undefined,
  });
  const [openId, setOpenId] = useOpenParam("entry");
  const items = list.query.data?.items ?? [];
  const opened = items.find((e) => String(e.id) === openId) ?? null;
  const columns = useColumns((e) => setOpenId(String(e.id)));
  // After a reload the address holds only the person's id: their name comes with their rows.
  const knownName = items.find((e) => e.accountId === accountId)?.accountName ?? null;

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
            onChange={(v) => filters.set({ fromDay: v.day, fromTime: v.time })}
            error={from === null && t("accessLogs.dateInvalid")}
          />
          <DateTimeInput
            label={t("accessLogs.to")}
            value={toText}
            onChange={(v) => filters.set({ toDay: v.day, toTime: v.time })}
            error={to === null && t("accessLogs.dateInvalid")}
          />
          <PersonPicker
            label={t("accessLogs.account")}
            description={t("accessLogs.accountHint")}
            value={accountId || null}
            knownName={knownName}
            onChange={(id) => filters.set({ account: id ?? "" })}
          />
          <FilterSelect
            label={t("accessLogs.columns.method")}
            value={method}
            values={METHODS}
            word={(m) => m}
            onChange={(v) => filters.set({ method: v })}
          />
          <FilterSelect
            label={t("accessLogs.columns.status")}
            value={status}
            values={STATUS_CLASSES}
            word={(s) => t(`accessLogs.statusClasses.${s}`)}
            onChange={(v) => filters.set({ status: v })}
          />
          <TextInput
            type="search"
            label={t("accessLogs.path")}
            placeholder="/api/v1/residents"
            value={filters.get("path")}
            onChange={(e) => filters.set({ path: e.currentTarget.value })}
          />
        </Group>
        <PagedTable
          list={list}
          columns={columns}
          label={t("accessLogs.title")}
          minWidth={720}
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
      {opened && <EntryDetail entry={opened} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
