import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketPriority, TicketStatus } from "../../contracts/tickets.js";

/** Palette names whose filled shade keeps white text readable (the theme darkens them). */
export const STATUS_COLOUR: Record<TicketStatus, string> = {
  new: "blue",
  acknowledged: "indigo",
  in_progress: "violet",
  waiting: "orange",
  reopened: "red",
  resolved: "teal",
  closed: "gray",
};
export const PRIORITY_COLOUR: Record<TicketPriority, string> = {
  urgent: "red",
  high: "orange",
  normal: "blue",
  low: "gray",
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOUR[status]} variant="filled" tt="none" radius="sm" style={{ flexShrink: 0 }}>
      {t(`tickets.statuses.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const { t } = useTranslation();
  if (priority === "normal") return null;
  return (
    <Badge color={PRIORITY_COLOUR[priority]} variant="light" tt="none" radius="sm">
      {t(`tickets.priorities.${priority}`)}
    </Badge>
  );
}
