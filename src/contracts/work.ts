import { z } from "zod";
import { Uuid } from "./common.js";

/** One building's (or the company's) part of a queue, with the address of its list filtered to it. */
export const WorkPart = z.object({
  /** Null for a queue of the whole company (transfers, data requests). */
  buildingId: Uuid.nullable(),
  /** The billing period of the items, when the list is a period's. */
  period: z.string().nullable(),
  count: z.number().int(),
  /** Of `count`, how many are past their deadline. */
  overdue: z.number().int(),
  /** The nearest deadline or the oldest item's date, ISO. */
  due: z.string().nullable(),
  /** The console address that opens the list filtered to these items. */
  link: z.string(),
});

/** A kind of work waiting for the caller, as a module declares it, with what it holds now. */
export const WorkQueueItem = z.object({
  /** Stable key, `module.queue` (`billing.drafts`). */
  key: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  /** `deadline`: `due` is a legal clock (red once past); `age`: the oldest item's date. */
  dueKind: z.enum(["deadline", "age"]).nullable(),
  count: z.number().int(),
  overdue: z.number().int(),
  /** The nearest deadline (or oldest item) over the parts. */
  due: z.string().nullable(),
  /** Where one click goes: the part with the most urgent or most items. */
  link: z.string(),
  /** Per building (and period), the most urgent first; empty when nothing is waiting. */
  parts: z.array(WorkPart),
});

/** The console's inbox: every queue the caller works, empty ones included (so the dashboard says "nothing to do"). */
export const WorkInbox = z.object({ queues: z.array(WorkQueueItem) });
