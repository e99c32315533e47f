import { Anchor, Button, Drawer, Group, NativeSelect, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TicketCategory, TicketPriority, TicketStatus } from "../../../contracts/tickets.js";
import { api } from "../../api.js";
import { FormError } from "../../components/forms.js";
import { formatDateTime } from "../../format.js";
import { PriorityBadge, StatusBadge } from "../../tickets/badges.js";
import { TicketTimeline } from "../../tickets/TicketTimeline.js";
import {
  CATEGORIES,
  PRIORITIES,
  type TicketChange,
  type TicketDetail,
  useTicket,
  useUpdateTicket,
} from "../../tickets/tickets.js";

type Move = NonNullable<TicketChange["status"]>;
/** The moves offered from each status, the usual next step first (the server holds the rule). */
const MOVES: Record<TicketStatus, Move[]> = {
  new: ["acknowledged", "in_progress", "resolved"],
  reopened: ["acknowledged", "in_progress", "resolved"],
  acknowledged: ["in_progress", "waiting", "resolved"],
  in_progress: ["waiting", "resolved"],
  waiting: ["in_progress", "resolved"],
  resolved: ["in_progress"],
  closed: [],
};

function Due({
  label,
  at,
  breached,
  done,
  doneLabel,
}: {
  label: string;
  at: string;
  breached: boolean;
  done: string | null;
  doneLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" radius="sm" bg={breached ? "red.0" : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} c={breached ? "red.9" : undefined}>
        {formatDateTime(at)}
        {breached && ` · ${t("ticketDesk.late")}`}
      </Text>
      {done && (
        <Text size="xs" c="dimmed">
          {doneLabel} {formatDateTime(done)}
        </Text>
      )}
    </Paper>
  );
}

/** Assign, re-prioritise and re-categorise: the managers' part (a technician sees the values only). */
function Planning({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const people = useQuery({
    queryKey: ["/tickets/assignees", ticket.buildingId],
    queryFn: () => api.GET("/tickets/assignees", { params: { query: { buildingId: ticket.buildingId } } }),
    enabled: ticket.can.assign,
  });
  if (!ticket.can.assign) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
      <NativeSelect
        label={t("ticketDesk.assignee")}
        value={ticket.assignedTo?.id ?? ""}
        data={[
          { value: "", label: t("ticketDesk.nobody") },
          ...(people.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} · ${t(`roles.${p.role}`)} (${t("ticketDesk.openCount", { count: p.open })})`,
          })),
          ...(ticket.assignedTo && !people.data?.items.some((p) => p.id === ticket.assignedTo?.id)
            ? [{ value: ticket.assignedTo.id, label: ticket.assignedTo.name }]
            : []),
        ]}
        onChange={(event) => update.mutate({ assignedTo: event.currentTarget.value || null })}
      />
      <NativeSelect
        label={t("ticketDesk.priority")}
        value={ticket.priority}
        data={PRIORITIES.map((value) => ({ value, label: t(`tickets.priorities.${value}`) }))}
        onChange={(event) => update.mutate({ priority: event.currentTarget.value as TicketPriority })}
      />
      <NativeSelect
        label={t("tickets.category")}
        value={ticket.category}
        data={CATEGORIES.map((value) => ({ value, label: t(`tickets.categories.${value}`) }))}
        onChange={(event) => update.mutate({ category: event.currentTarget.value as TicketCategory })}
      />
      <FormError error={update.error} />
    </SimpleGrid>
  );
}

/** One ticket at the desk: who and where, its times, the next steps, assignment, and its timeline. */
export function TicketDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ticket = useTicket(id);
  const update = useUpdateTicket(id);
  const d = ticket.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={d ? `#${d.number} ${d.title}` : t("ticketDesk.ticket")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <FormError error={ticket.error} />
      {d && (
        <Stack gap="sm">
          <Group gap="xs">
            <StatusBadge status={d.status} />
            <PriorityBadge priority={d.priority} />
            <Text size="sm">{t(`tickets.categories.${d.category}`)}</Text>
          </Group>
          <Text size="sm">
            {d.requester.name ?? d.requester.firstName}
            {d.requester.phone && ` · ${d.requester.phone}`} · {t("ticketDesk.unit", { code: d.unitCode })}
            {d.location !== "unit" && ` · ${t(`tickets.locations.${d.location}`)}`}
            {d.locationNote && ` (${d.locationNote})`}
          </Text>
          {d.conversationId && (
            <Anchor href={`/console/messages?conversation=${d.conversationId}`} size="sm">
              {t("ticketDesk.fromConversation")}
            </Anchor>
          )}
          <SimpleGrid cols={2} spacing="xs">
            <Due
              label={t("ticketDesk.respondBy")}
              at={d.sla.respondBy}
              breached={d.sla.responseBreached}
              done={d.sla.respondedAt}
              doneLabel={t("ticketDesk.respondedAt")}
            />
            <Due
              label={d.sla.paused ? t("ticketDesk.resolveByPaused") : t("ticketDesk.resolveBy")}
              at={d.sla.resolveBy}
              breached={d.sla.resolutionBreached}
              done={d.sla.resolvedAt}
              doneLabel={t("ticketDesk.resolvedAt")}
            />
          </SimpleGrid>
          {d.can.update && (
            <Group gap="xs">
              {MOVES[d.status].map((to, index) => (
                <Button
                  key={to}
                  variant={index === 0 && d.status !== "resolved" ? "filled" : "default"}
                  loading={update.isPending && update.variables?.status === to}
                  onClick={() => update.mutate({ status: to })}
                >
                  {d.status === "resolved" ? t("ticketDesk.workAgain") : t(`ticketDesk.moves.${to}`)}
                </Button>
              ))}
            </Group>
          )}
          <FormError error={update.error} />
          <Planning ticket={d} />
          {d.rating !== null && (
            <Text size="sm">
              {t("ticketDesk.rated", { rating: d.rating })}
              {d.ratingComment && ` — “${d.ratingComment}”`}
            </Text>
          )}
          <TicketTimeline ticket={d} mine="staff" />
        </Stack>
      )}
    </Drawer>
  );
}
