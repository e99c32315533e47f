import { Box, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../components/forms.js";
import { formatDateTime } from "../format.js";
import { useReply } from "./conversations.js";

type Message = { id: string; body: string; fromStaff: boolean; author: string; createdAt: string };

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
  messages: Message[];
  mine: "resident" | "staff";
  canWrite?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  const reply = useReply(id);
  const send = () => {
    if (!text.trim()) return setEmpty(true);
    reply.mutate(text.trim(), { onSuccess: () => setText("") });
  };
  return (
    <Stack gap="sm">
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-live="polite">
        {messages.map((m) => {
          const own = m.fromStaff === (mine === "staff");
          return (
            <Box
              component="li"
              key={m.id}
              style={{ display: "flex", justifyContent: own ? "flex-end" : "flex-start" }}
            >
              <Paper p="sm" radius="lg" maw="85%" bg={own ? "blue.0" : "gray.0"} withBorder>
                <Text size="xs" fw={700}>
                  {m.author}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                  {m.body}
                </Text>
                <Text size="xs" c="dimmed" ta="right">
                  {formatDateTime(m.createdAt)}
                </Text>
              </Paper>
            </Box>
          );
        })}
      </Stack>
      {canWrite && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t("thread.replyLabel")}
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
            <FormError error={reply.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={reply.isPending}>
                {t("thread.send")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
