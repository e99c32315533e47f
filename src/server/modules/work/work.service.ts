import type { z } from "zod";
import type { WorkInbox, WorkPart } from "../../../contracts/work.js";
import type { Ctx, WorkCount, WorkQueue } from "../../platform/context.js";

type Part = z.infer<typeof WorkPart>;

const iso = (due: WorkCount["due"]) =>
  due == null ? null : due instanceof Date ? due.toISOString() : new Date(due).toISOString();

/** The most urgent first: past deadlines, then the nearest deadline (or oldest item), then the most items. */
const urgency = (a: Part, b: Part) =>
  b.overdue - a.overdue || (a.due ?? "\uffff").localeCompare(b.due ?? "\uffff") || b.count - a.count;

async function tally(ctx: Ctx, queue: WorkQueue) {
  const rows = await queue.count(ctx);
  const parts = rows
    .filter((row) => row.count > 0)
    .map((row) => ({
      buildingId: row.buildingId,
      period: row.period ?? null,
      count: row.count,
      overdue: row.overdue ?? 0,
      due: iso(row.due),
      link: queue.link(row),
    }))
    .sort(urgency);
  const [first] = parts;
  return {
    key: queue.key,
    label: queue.label,
    dueKind: queue.due ?? null,
    count: parts.reduce((n, p) => n + p.count, 0),
    overdue: parts.reduce((n, p) => n + p.overdue, 0),
    due: parts.reduce<string | null>((d, p) => (p.due && (!d || p.due < d) ? p.due : d), null),
    link: first?.link ?? queue.link({ buildingId: null, count: 0 }),
    parts,
  };
}

/**
 * The caller's inbox: every module's work queues the caller works (each queue's policy decides), in module
 * order, with their counts. One query per queue, each kept to the caller's buildings by the queue itself.
 */
export async function workInbox(ctx: Ctx): Promise<z.infer<typeof WorkInbox>> {
  const queues = ctx.platform.modules.flatMap((m) => m.workQueues ?? []).filter((q) => q.sees(ctx.actor));
  const items = [];
  // One transaction, one connection: the queries run one after another.
  for (const queue of queues) items.push(await tally(ctx, queue));
  return { queues: items };
}
