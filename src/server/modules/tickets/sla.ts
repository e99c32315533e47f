import type { TicketCategory, TicketPriority } from "../../../contracts/tickets.js";

export type Sla = { respondMinutes: number; resolveMinutes: number };

const HOUR = 60;
/**
 * Service levels a company starts with, as Vietnamese management offices commonly publish them: safety and
 * water first (an elevator or a leak answered within 15–30 minutes), paperwork within a working day.
 */
export const DEFAULT_SLAS: Record<TicketCategory, Sla> = {
  plumbing: { respondMinutes: 30, resolveMinutes: 24 * HOUR },
  electricity: { respondMinutes: 30, resolveMinutes: 24 * HOUR },
  elevator: { respondMinutes: 15, resolveMinutes: 8 * HOUR },
  cleaning: { respondMinutes: 2 * HOUR, resolveMinutes: 24 * HOUR },
  security: { respondMinutes: 15, resolveMinutes: 4 * HOUR },
  noise: { respondMinutes: HOUR, resolveMinutes: 24 * HOUR },
  billing: { respondMinutes: 8 * HOUR, resolveMinutes: 3 * 24 * HOUR },
  other: { respondMinutes: 8 * HOUR, resolveMinutes: 5 * 24 * HOUR },
};

/** An urgent ticket gets half the category's times, a low one twice; never under 5 minutes. */
const PRIORITY_FACTOR: Record<TicketPriority, number> = { urgent: 0.5, high: 0.75, normal: 1, low: 2 };

const MINUTE = 60_000;

/** When a ticket opened at `openedAt` must be answered and resolved. */
export function dueTimes(openedAt: Date, sla: Sla, priority: TicketPriority) {
  const f = PRIORITY_FACTOR[priority];
  const minutes = (m: number) => Math.max(5, Math.round(m * f));
  return {
    respondBy: new Date(openedAt.getTime() + minutes(sla.respondMinutes) * MINUTE),
    resolveBy: new Date(openedAt.getTime() + minutes(sla.resolveMinutes) * MINUTE),
  };
}

type Clock = {
  respondBy: Date;
  resolveBy: Date;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  pausedAt: Date | null;
};

/**
 * Whether the ticket missed its times as of `now`: answered late or not answered past the response time;
 * resolved late or not resolved past the resolution time — which, while waiting for the resident, is judged
 * at the moment the clock stopped.
 */
export function breaches(t: Clock, now: Date) {
  const answeredAt = t.respondedAt ?? now;
  const resolvedOrNow = t.resolvedAt ?? t.pausedAt ?? now;
  return {
    responseBreached: answeredAt > t.respondBy,
    resolutionBreached: resolvedOrNow > t.resolveBy,
  };
}

/** The resolution time once the clock runs again: moved on by the time the ticket waited for the resident. */
export const resumedResolveBy = (resolveBy: Date, pausedAt: Date, now: Date) =>
  new Date(resolveBy.getTime() + Math.max(0, now.getTime() - pausedAt.getTime()));
