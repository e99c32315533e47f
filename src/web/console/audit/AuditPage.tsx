import {
  Alert,
  Button,
  Drawer,
  EmptyState,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "../../locales/settings.js";
import { api } from "../../api.js";
import { IconShield } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { useRoleLabel } from "../../components/roles.js";
import { type PagedItem, usePagedList } from "../../components/usePagedList.js";
import { formatDateTime, parseDay } from "../../format.js";
import { FilterSelect } from "../privacy/parts.js";

const AUDIT_PATH = "/audit-log";
type Entry = PagedItem<typeof AUDIT_PATH>;

/**
 * An action's code as people read it: "company.logo.update" → "company › logo › update". The dotted code would
 * read as an untranslated text key; the parts stay the words the code is made of.
 */
const actionWords = (action: string) => action.split(".").join(" › ");

/** A value of a change as the log holds it: text as is, anything else as compact JSON; nothing as "—". */
function shown(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Whether the chain holds, recomputed each time the page opens. */
function ChainStatus() {
  const { t } = useTranslation();
  const check = useQuery({
    queryKey: [AUDIT_PATH, "verification"],
    queryFn: () => api.GET("/audit-log/verification"),
  });
  if (check.isPending) {
    return (
      <Alert color="gray" variant="light" role="status">
        {t("audit.verifying")}
      </Alert>
    );
  }
  if (check.isError) return null;
  const v = check.data;
  const checked = t("audit.checkedAt", { at: formatDateTime(v.checkedAt) });
  if (v.status === "broken") {
    return (
      <Alert color="red" variant="light" role="alert">
        {t("audit.broken", { seq: v.broken?.seq ?? 0, through: v.verifiedThrough })} {checked}
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" role="status">
      {v.status === "empty"
        ? t("audit.verifiedEmpty")
        : t("audit.verified", { count: v.verifiedThrough, seq: v.verifiedThrough })}{" "}
      {checked}
    </Alert>
  );
}

/** One entry: who, when, what, and each field before and after (personal data masked). */
function EntryDrawer({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t("audit.entryTitle", { seq: entry.seq })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>{t("audit.at")}</Table.Th>
              <Table.Td>{formatDateTime(entry.at)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("audit.person")}</Table.Th>
              <Table.Td>
                {entry.actor.name ?? t("audit.system")}
                {entry.actor.role ? ` — ${roleLabel(entry.actor.role)}` : ""}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("audit.action")}</Table.Th>
              <Table.Td ff="monospace">{actionWords(entry.action)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("audit.record")}</Table.Th>
              <Table.Td ff="monospace" style={{ wordBreak: "break-all" }}>
                {entry.entity}
                {entry.entityId ? ` ${entry.entityId}` : ""}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("audit.requestId")}</Table.Th>
              <Table.Td ff="monospace">{entry.requestId ?? "—"}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("audit.hash")}</Table.Th>
              <Table.Td ff="monospace" style={{ wordBreak: "break-all" }}>
                {entry.hash}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {entry.changes.length === 0 ? (
          <Text size="sm">{t("audit.noChanges")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder aria-label={t("audit.entryTitle", { seq: entry.seq })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("audit.field")}</Table.Th>
                  <Table.Th scope="col">{t("audit.before")}</Table.Th>
                  <Table.Th scope="col">{t("audit.after")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entry.changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td ff="monospace">{c.field}</Table.Td>
                    {"value" in c && !("before" in c) ? (
                      <Table.Td colSpan={2} style={{ wordBreak: "break-all" }}>
                        {shown(c.value)}
                      </Table.Td>
                    ) : (
                      <>
                        <Table.Td style={{ wordBreak: "break-all" }}>{shown(c.before)}</Table.Td>
                        <Table.Td style={{ wordBreak: "break-all" }}>{shown(c.after)}</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {t("audit.masked")}
        </Text>
      </Stack>
    </Drawer>
  );
}

/** A day typed dd/MM/yyyy: the field, and the ISO day it means ("" when empty, null when it is no date). */
function useDayFilter() {
  const [text, setText] = useState("");
  return { text, setText, day: parseDay(text) };
}

/** Nhật ký kiểm toán: the company's hash-chained log, filtered by person, record and days. */
export default function AuditPage() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const filters = useQuery({
    queryKey: [AUDIT_PATH, "filters"],
    queryFn: () => api.GET("/audit-log/filters"),
  });
  const [actorId, setActorId] = useState<string | null>(null);
  const [entity, setEntity] = useState("");
  const [entityIdText, setEntityId] = useState("");
  const [entityId] = useDebouncedValue(entityIdText.trim(), 300);
  const from = useDayFilter();
  const to = useDayFilter();
  const [open, setOpen] = useState<Entry | null>(null);
  const list = usePagedList(AUDIT_PATH, {
    actorId: actorId ?? undefined,
    entity: entity || undefined,
    entityId: entityId || undefined,
    from: from.day || undefined,
    to: to.day || undefined,
  });
  const columns: Column<Entry>[] = [
    {
      header: t("audit.seq"),
      cell: (e) => (
        <Text size="sm" ff="monospace">
          {e.seq}
        </Text>
      ),
    },
    {
      header: t("audit.at"),
      cell: (e) => (
        <Text size="sm" style={{ whiteSpace: "nowrap" }}>
          {formatDateTime(e.at)}
        </Text>
      ),
    },
    {
      header: t("audit.person"),
      cell: (e) => (
        <Stack gap={0}>
          <Text size="sm">{e.actor.name ?? t("audit.system")}</Text>
          {e.actor.role && (
            <Text size="xs" c="dimmed">
              {roleLabel(e.actor.role)}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      header: t("audit.action"),
      cell: (e) => (
        <Text size="sm" ff="monospace">
          {actionWords(e.action)}
        </Text>
      ),
    },
    {
      header: t("audit.record"),
      cell: (e) => (
        <Text size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
          {e.entity}
          {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ""}
        </Text>
      ),
    },
    {
      header: t("audit.details"),
      cell: (e) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setOpen(e)}
          aria-label={t("audit.open", { seq: e.seq })}
        >
          {t("audit.view")}
        </Button>
      ),
    },
  ];
  return (
    <Stack gap={0}>
      <PageHeader title={t("audit.title")} />
      <Text c="dimmed" size="sm" mb="md" maw={760}>
        {t("audit.intro")}
      </Text>
      <Stack>
        <ChainStatus />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            label={t("audit.person")}
            placeholder={t("audit.personPlaceholder")}
            data={(filters.data?.actors ?? []).map((a) => ({ value: a.accountId, label: a.name }))}
            value={actorId}
            onChange={setActorId}
            searchable
            clearable
            nothingFoundMessage={t("common.nothingFound")}
            w={{ base: "100%", sm: 260 }}
          />
          <FilterSelect
            label={t("audit.entity")}
            value={entity}
            values={filters.data?.entities ?? []}
            word={(e) => e}
            onChange={setEntity}
          />
          <TextInput
            label={t("audit.entityId")}
            value={entityIdText}
            onChange={(e) => setEntityId(e.currentTarget.value)}
            w={{ base: "100%", sm: 220 }}
          />
          <TextInput
            label={t("audit.from")}
            placeholder={t("validation.dayPlaceholder")}
            inputMode="numeric"
            value={from.text}
            onChange={(e) => from.setText(e.currentTarget.value)}
            error={from.day === null && t("validation.day")}
            w={150}
          />
          <TextInput
            label={t("audit.to")}
            placeholder={t("validation.dayPlaceholder")}
            inputMode="numeric"
            value={to.text}
            onChange={(e) => to.setText(e.currentTarget.value)}
            error={to.day === null && t("validation.day")}
            w={150}
          />
        </Group>
        <PagedTable
          list={list}
          columns={columns}
          label={t("audit.title")}
          minWidth={900}
          empty={
            <EmptyState icon={<IconShield size={32} />} variant="light" title={t("audit.empty")} py="lg" />
          }
        />
      </Stack>
      {open && <EntryDrawer entry={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
