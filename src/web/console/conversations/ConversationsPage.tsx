import {
  Anchor,
  Badge,
  Button,
  Drawer,
  EmptyState,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { z } from "zod";
import type { Conversation, ConversationStatus } from "../../../contracts/index.js";
import { api } from "../../api.js";
import { useSignedInMe } from "../../auth/session.js";
import { FormError } from "../../components/forms.js";
import { IconBell } from "../../components/icons.js";
import { type Column, PagedTable } from "../../components/PagedTable.js";
import { PageHeader } from "../../components/Pages.js";
import { usePagedList } from "../../components/usePagedList.js";
import { useConversation } from "../../conversations/conversations.js";
import { Thread } from "../../conversations/Thread.js";
import { formatDateTime } from "../../format.js";
import { useLiveStream } from "../../live.js";

type Line = z.infer<typeof Conversation>;
const PATH = "/conversations";
const STATUSES: ConversationStatus[] = ["open", "answered", "closed"];
/** Palette names: the theme makes each one's filled shade readable with white text. */
const STATUS_COLOUR = { open: "blue", answered: "teal", closed: "gray" } as const;

function Stats() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: [PATH, "stats"], queryFn: () => api.GET("/conversations/stats") });
  const s = stats.data;
  const figure = (label: string, value: string) => (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Paper>
  );
  if (!s) return null;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
      {figure(t("conversations.waiting"), String(s.waiting))}
      {figure(t("conversations.answered"), String(s.answered))}
      {figure(
        t("conversations.median"),
        s.medianFirstResponseMinutes === null
          ? t("conversations.none")
          : t("conversations.medianValue", { minutes: s.medianFirstResponseMinutes }),
      )}
      {figure(
        t("conversations.withinHour"),
        s.answeredWithinHour === null
          ? t("conversations.none")
          : `${Math.round(s.answeredWithinHour * 100)}%`,
      )}
    </SimpleGrid>
  );
}

/** One thread in the drawer: who wrote about which unit, the messages, the answer box, take and close. */
function ThreadDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const thread = useConversation(id);
  const change = useMutation({
    mutationFn: (body: { assignedTo?: string; status?: "open" | "closed" }) =>
      api.PATCH("/conversations/{id}", { params: { path: { id } }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  const c = thread.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={c?.topic ?? t("conversations.thread")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <FormError error={thread.error ?? change.error} />
      {c && (
        <Stack>
          <Group gap="xs">
            <Badge color={STATUS_COLOUR[c.status]} variant="filled" tt="none" radius="sm">
              {t(`conversations.statuses.${c.status}`)}
            </Badge>
            <Text size="sm">
              {c.residentName} · {c.unitCode}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t("conversations.assigned")}: {c.assignedTo?.name ?? t("conversations.nobody")}
          </Text>
          <Group>
            {c.assignedTo?.id !== me.account.id && (
              <Button variant="default" onClick={() => change.mutate({ assignedTo: me.account.id })}>
                {t("conversations.take")}
              </Button>
            )}
            {c.status === "closed" ? (
              <Button variant="default" onClick={() => change.mutate({ status: "open" })}>
                {t("conversations.reopen")}
              </Button>
            ) : (
              <Button variant="default" onClick={() => change.mutate({ status: "closed" })}>
                {t("conversations.close")}
              </Button>
            )}
          </Group>
          <Thread id={id} messages={c.messages} mine="staff" />
        </Stack>
      )}
    </Drawer>
  );
}

/** Tin nhắn cư dân: the management's shared inbox of residents' conversations, live. */
export default function ConversationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("status") as ConversationStatus | null;
  const [status, setStatus] = useState<ConversationStatus | "">(
    asked && STATUSES.includes(asked) ? asked : "",
  );
  const [assigned, setAssigned] = useState<"" | "me" | "none">("");
  useLiveStream({ conversations: [PATH] }, true);
  const list = usePagedList(PATH, { status: status || undefined, assigned: assigned || undefined });
  const openId = params.get("conversation");
  const open = (c: Line) =>
    setParams((p) => {
      p.set("conversation", c.id);
      return p;
    });
  const columns: Column<Line>[] = [
    {
      header: t("conversations.topic"),
      cell: (c) => (
        <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => open(c)}>
          {c.topic}
        </Anchor>
      ),
    },
    { header: t("conversations.resident"), cell: (c) => c.residentName },
    { header: t("conversations.unit"), cell: (c) => c.unitCode },
    {
      header: t("conversations.status"),
      cell: (c) => (
        <Badge color={STATUS_COLOUR[c.status]} variant="filled" tt="none" radius="sm">
          {t(`conversations.statuses.${c.status}`)}
        </Badge>
      ),
    },
    { header: t("conversations.assigned"), cell: (c) => c.assignedTo?.name ?? t("conversations.nobody") },
    {
      header: t("conversations.last"),
      cell: (c) => (
        <Text size="sm" lineClamp={1} maw={280}>
          {c.lastMessage}
        </Text>
      ),
      visibleFrom: "lg",
    },
    { header: t("conversations.when"), cell: (c) => formatDateTime(c.lastMessageAt) },
  ];
  return (
    <>
      <PageHeader title={t("conversations.title")} />
      <Stats />
      <PagedTable
        list={list}
        columns={columns}
        label={t("conversations.listLabel")}
        minWidth={900}
        onOpen={open}
        filters={
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label={t("conversations.status")}
              data={[
                { value: "", label: t("common.all") },
                ...STATUSES.map((value) => ({ value, label: t(`conversations.statuses.${value}`) })),
              ]}
              value={status}
              onChange={(event) => setStatus(event.currentTarget.value as ConversationStatus | "")}
              w={{ base: "100%", xs: 200 }}
            />
            <NativeSelect
              label={t("conversations.assigned")}
              data={[
                { value: "", label: t("conversations.assignedOptions.all") },
                { value: "me", label: t("conversations.assignedOptions.me") },
                { value: "none", label: t("conversations.assignedOptions.none") },
              ]}
              value={assigned}
              onChange={(event) => setAssigned(event.currentTarget.value as "" | "me" | "none")}
              w={{ base: "100%", xs: 200 }}
            />
          </Group>
        }
        empty={
          <EmptyState
            icon={<IconBell size={32} />}
            variant="light"
            title={t("conversations.empty")}
            description={t("conversations.emptyHint")}
            py="lg"
          />
        }
      />
      {openId && (
        <ThreadDrawer
          id={openId}
          onClose={() =>
            setParams((p) => {
              p.delete("conversation");
              return p;
            })
          }
        />
      )}
    </>
  );
}
