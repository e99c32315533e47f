import { Box, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AttachmentList,
  AttachmentPicker,
  type FileInfo,
  PHOTO_TYPES,
  useUploads,
} from "../components/Attachments.js";
import { FormError } from "../components/forms.js";
import { formatDateTime } from "../format.js";
import { useReply } from "./conversations.js";

export type ThreadMessage = {
  id: string;
  body: string;
  fromStaff: boolean;
  author: string;
  createdAt: string;
  photos: FileInfo[];
};

/** One message as a chat bubble, the reader's own on the right; a staff note (`note`) stands out in yellow. */
export function MessageBubble({
  message: m,
  own,
  fileUrl,
  note,
}: {
  message: ThreadMessage;
  own: boolean;
  fileUrl: (fileId: string) => string;
  note?: string;
}) {
  return (
    <Box component="li" style={{ display: "flex", justifyContent: own ? "flex-end" : "flex-start" }}>
      <Paper p="sm" radius="lg" maw="85%" bg={note ? "yellow.0" : own ? "blue.0" : "gray.0"} withBorder>
        <Text size="xs" fw={700}>
          {m.author}
          {note && ` · ${note}`}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
          {m.body}
        </Text>
        <AttachmentList files={m.photos} urlOf={fileUrl} />
        <Text size="xs" c="dimmed" ta="right">
          {formatDateTime(m.createdAt)}
        </Text>
      </Paper>
    </Box>
  );
}

/**
 * The box under a thread: a message with photos, sent by `onSend` (which calls `done` once it went). `children`
 * adds controls beside the send button (a staff note's switch).
 */
export function ReplyBox({
  purpose,
  onSend,
  pending,
  error,
  label,
  children,
}: {
  purpose: "conversation" | "ticket";
  onSend: (body: string, photos: string[], done: () => void) => void;
  pending: boolean;
  error: unknown;
  label?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  const photos = useUploads(purpose);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return setEmpty(true);
        onSend(text.trim(), photos.ids, () => {
          setText("");
          photos.reset();
        });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={label ?? t("thread.replyLabel")}
          autosize
          minRows={2}
          maxLength={4000}
          value={text}
          error={empty ? t("thread.emptyReply") : undefined}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setEmpty(false);
          }}
        />
        <AttachmentPicker uploads={photos} accept={PHOTO_TYPES} label={t("thread.addPhoto")} max={5} />
        <FormError error={error} />
        <Group justify="space-between">
          <div>{children}</div>
          <Button type="submit" loading={pending} disabled={photos.busy}>
            {t("thread.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A conversation's messages as a chat: the reader's own on the right. `mine` says which side is the reader's
 * (the resident's messages, or the management's). The box below writes in it, unless the thread is read-only.
 */
export function Thread({
  id,
  messages,
  mine,
  canWrite = true,
}: {
  id: string;
  messages: ThreadMessage[];
  mine: "resident" | "staff";
  canWrite?: boolean;
}) {
  const reply = useReply(id);
  return (
    <Stack gap="sm">
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-live="polite">
        {messages.map((m) => (
          <MessageBubble
            key={m.id}
            message={m}
            own={m.fromStaff === (mine === "staff")}
            fileUrl={(fileId) => `/api/v1/conversations/${id}/files/${fileId}`}
          />
        ))}
      </Stack>
      {canWrite && (
        <ReplyBox
          purpose="conversation"
          pending={reply.isPending}
          error={reply.error}
          onSend={(body, photos, done) => reply.mutate({ body, photos }, { onSuccess: done })}
        />
      )}
    </Stack>
  );
}
