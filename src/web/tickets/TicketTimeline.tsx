import { Box, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AttachmentList } from "../components/Attachments.js";
import { MessageBubble, ReplyBox } from "../conversations/Thread.js";
import { formatDateTime } from "../format.js";
import { StatusBadge } from "./badges.js";
import { type TicketDetail, useTicketMessage } from "./tickets.js";

/**
 * The ticket's story: the report with its photos, then each status change and assignment as a line, messages as
 * chat bubbles (the reader's own on the right; a staff note in yellow), and the box to write in it.
 */
export function TicketTimeline({ ticket, mine }: { ticket: TicketDetail; mine: "resident" | "staff" }) {
  const { t } = useTranslation();
  const write = useTicketMessage(ticket.id);
  const [internal, setInternal] = useState(false);
  const notes = mine === "staff" && ticket.can.note;
  const fileUrl = (fileId: string) => `/api/v1/tickets/${ticket.id}/files/${fileId}`;
  const line = (text: string, at: string, key: string) => (
    <Box component="li" key={key}>
      <Text size="xs" c="dimmed" ta="center">
        {text} · {formatDateTime(at)}
      </Text>
    </Box>
  );
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
          {ticket.description}
        </Text>
        <AttachmentList files={ticket.photos} urlOf={fileUrl} />
      </Stack>
      <Stack
        gap="xs"
        component="ol"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-live="polite"
        aria-label={t("tickets.timeline")}
      >
        {ticket.events.map((e) => {
          if (e.kind === "message" || e.kind === "note")
            return (
              <MessageBubble
                key={e.id}
                message={{ ...e, body: e.body ?? "" }}
                own={e.fromStaff === (mine === "staff")}
                fileUrl={fileUrl}
                note={e.kind === "note" ? t("tickets.note") : undefined}
              />
            );
          if (e.kind === "created")
            return line(t("tickets.events.created", { who: e.author }), e.createdAt, e.id);
          if (e.kind === "assigned")
            return line(t("tickets.events.assigned", { who: e.author }), e.createdAt, e.id);
          if (e.kind === "rated")
            return line(
              `${t("tickets.events.rated", { rating: ticket.rating ?? "—" })}${e.body ? ` — “${e.body}”` : ""}`,
              e.createdAt,
              e.id,
            );
          return (
            <Box component="li" key={e.id}>
              <Group gap={6} justify="center">
                <Text size="xs" c="dimmed">
                  {t("tickets.events.status", { who: e.author })}
                </Text>
                {e.status && <StatusBadge status={e.status} />}
                <Text size="xs" c="dimmed">
                  {e.body ? `“${e.body}” · ` : ""}
                  {formatDateTime(e.createdAt)}
                </Text>
              </Group>
            </Box>
          );
        })}
      </Stack>
      {(ticket.can.message || notes) && (
        <ReplyBox
          purpose="ticket"
          label={internal ? t("tickets.noteLabel") : undefined}
          pending={write.isPending}
          error={write.error}
          onSend={(body, photos, done) =>
            write.mutate({ body, photos, internal: internal || !ticket.can.message }, { onSuccess: done })
          }
        >
          {notes && ticket.can.message && (
            <Checkbox
              label={t("tickets.internal")}
              checked={internal}
              onChange={(event) => setInternal(event.currentTarget.checked)}
            />
          )}
        </ReplyBox>
      )}
    </Stack>
  );
}
