import {
  Anchor,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../api.js";
import { AttachmentPicker, PHOTO_TYPES, useUploads } from "../components/Attachments.js";
import { FormError, required, showFieldErrors } from "../components/forms.js";
import { IconBell } from "../components/icons.js";
import { PagedItems } from "../components/PagedItems.js";
import { PageHeader } from "../components/Pages.js";
import { useConversation, useMyConversations } from "../conversations/conversations.js";
import { Thread } from "../conversations/Thread.js";
import { formatDateTime } from "../format.js";
import { MY_CONVERSATIONS_PATH } from "./home.js";
import { useChosenUnit } from "./units.js";

/** Dark shades, so white text keeps AA contrast: waiting for the management, answered, closed. */
const STATUS_COLOUR = { open: "blue", answered: "teal", closed: "gray" } as const;

type Values = { unitId: string; topic: string; message: string };

/** A new conversation: about which unit (when the resident has several), a topic, the first message. */
function NewConversation({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { units, chosen } = useChosenUnit();
  const form = useForm<Values>({
    initialValues: { unitId: chosen?.unitId ?? units[0]?.unitId ?? "", topic: "", message: "" },
    validate: { topic: required, message: required },
  });
  const photos = useUploads("conversation");
  const open = useMutation({
    mutationFn: (v: Values) =>
      api.POST(MY_CONVERSATIONS_PATH, {
        body: { unitId: v.unitId, topic: v.topic.trim(), message: v.message.trim(), photos: photos.ids },
      }),
    onSuccess: async (thread) => {
      await queryClient.invalidateQueries({ queryKey: [MY_CONVERSATIONS_PATH] });
      navigate(`/app/messages/${thread.id}`);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((v) => open.mutate(v))}>
        <Stack gap="sm">
          <Text fw={700}>{t("messages.newTitle")}</Text>
          {units.length > 1 && (
            <NativeSelect
              label={t("messages.unit")}
              data={units.map((u) => ({ value: u.unitId, label: u.label }))}
              {...form.getInputProps("unitId")}
            />
          )}
          <TextInput label={t("messages.topic")} maxLength={200} {...form.getInputProps("topic")} />
          <Textarea
            label={t("messages.message")}
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps("message")}
          />
          <AttachmentPicker uploads={photos} accept={PHOTO_TYPES} label={t("thread.addPhoto")} max={5} />
          <FormError error={open.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t("messages.cancel")}
            </Button>
            <Button type="submit" loading={open.isPending} disabled={photos.busy}>
              {t("messages.send")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Tin nhắn: the resident's conversations with the management, and a way to start one. */
export function MessagesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [writing, setWriting] = useState(false);
  const list = useMyConversations(page);
  const body = (
    <PagedItems
      query={list}
      page={page}
      onPage={setPage}
      label={t("messages.listLabel")}
      empty={
        <EmptyState
          icon={<IconBell size={32} />}
          variant="light"
          title={t("messages.empty")}
          description={t("messages.emptyHint")}
          py="xl"
        />
      }
      item={(c) => (
        <Paper
          component="li"
          key={c.id}
          withBorder
          p="md"
          radius="md"
          bg={c.status === "answered" ? "blue.0" : undefined}
        >
          <UnstyledButton component={Link} to={`/app/messages/${c.id}`} display="block" w="100%">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={700}>{c.topic}</Text>
              <Badge
                color={STATUS_COLOUR[c.status]}
                variant="filled"
                tt="none"
                radius="sm"
                style={{ flexShrink: 0 }}
              >
                {t(`messages.statuses.${c.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {c.unitCode} · {formatDateTime(c.lastMessageAt)}
            </Text>
            <Text size="sm" lineClamp={2} mt={4}>
              {c.lastMessage}
            </Text>
          </UnstyledButton>
        </Paper>
      )}
    />
  );
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <PageHeader
        title={t("messages.title")}
        action={!writing && <Button onClick={() => setWriting(true)}>{t("messages.write")}</Button>}
      />
      {writing && <NewConversation onCancel={() => setWriting(false)} />}
      {body}
    </Stack>
  );
}

/** One conversation: the messages, and the resident's reply; the management's answers arrive live. */
export function ThreadPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const thread = useConversation(id);
  return (
    <Stack maw={720} mx="auto" gap="sm">
      <Anchor component={Link} to="/app/messages" size="sm">
        ← {t("messages.back")}
      </Anchor>
      {thread.isPending && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      <FormError error={thread.error} />
      {thread.data && (
        <>
          <PageHeader
            title={thread.data.topic}
            action={
              <Badge color={STATUS_COLOUR[thread.data.status]} variant="filled" tt="none" radius="sm">
                {t(`messages.statuses.${thread.data.status}`)}
              </Badge>
            }
          />
          <Text size="sm" c="dimmed">
            {thread.data.unitCode}
          </Text>
          <Thread id={id} messages={thread.data.messages} mine="resident" />
        </>
      )}
    </Stack>
  );
}
