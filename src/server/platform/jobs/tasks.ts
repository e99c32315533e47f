import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Lang } from "../../../contracts/common.js";
import { audit } from "../audit/audit.service.js";
import type { Actor } from "../authz/actor.js";
import type { Ctx, Platform, Task, TaskHandler, TaskRun, TaskQueue as Tasks } from "../context.js";
import type { Database, Tx } from "../db/client.js";
import { AppError, errors } from "../errors.js";
import { declared } from "../module.js";

/** Who asked for the work: the worker acts in their company, as them, in their language. */
export type Requester = { companyId: string; actor: Actor; lang: Lang; requestId: string };
type Envelope<T> = Requester & { data: T };

/**
 * The requester as their membership stands now (role, buildings, units), or null once it is disabled or
 * gone. Supplied by the module that owns memberships: platform/ cannot read them itself.
 */
export type ActorResolver = (tx: Tx, companyId: string, queuedAs: Actor) => Promise<Actor | null>;

/** Declares a task; the module lists it in its manifest, and the worker works every module's tasks. */
export function defineTask<T>(
  name: string,
  handler: TaskHandler<T>,
  options: Pick<Task<T>, "refused"> = {},
): Task<T> {
  return { name, handler, ...options };
}

type RawClient = { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/** The driver's own client under a Drizzle transaction (pg's PoolClient or PGlite's transaction). */
const rawClient = (tx: Tx) => (tx as unknown as { session: { client: RawClient } }).session.client;

/**
 * The queue of tasks, backed by pg-boss once the jobs are started (`startJobs`). Enqueuing writes the job
 * in the caller's transaction, so it exists exactly when the work that asked for it committed.
 */
export class TaskQueue implements Tasks {
  private boss: PgBoss | null = null;

  constructor(private readonly resolveActor: ActorResolver) {}

  async enqueue<T>(ctx: Ctx, task: Task<T>, data: T): Promise<string> {
    if (!this.boss) throw errors.unavailable("JOBS_UNAVAILABLE");
    const envelope: Envelope<T> = {
      companyId: ctx.companyId,
      actor: ctx.actor,
      lang: ctx.lang,
      requestId: ctx.requestId,
      data,
    };
    const client = rawClient(ctx.tx);
    const id = await this.boss.send(task.name, envelope, {
      retryLimit: 3,
      retryBackoff: true,
      db: { executeSql: (text, values) => client.query(text, values) },
    });
    if (!id) throw new Error(`task ${task.name} was not queued`);
    return id;
  }

  running(): boolean {
    return this.boss !== null;
  }

  async start(boss: PgBoss, db: Database, platform: Platform, log: Logger): Promise<void> {
    this.boss = boss;
    for (const task of declared(platform, "tasks")) {
      await boss.createQueue(task.name);
      await boss.work<Envelope<never>>(task.name, async ([job]) => {
        if (!job) return;
        try {
          const result = await this.perform(db, platform, log, task, job.data);
          log.info({ task: task.name, jobId: job.id, result }, "task done");
        } catch (err) {
          log.error({ err, task: task.name, jobId: job.id }, "task failed (pg-boss retries it)");
          throw err;
        }
      });
    }
  }

  /**
   * Does one queued task as its requester is now, not as they were when they queued it: a membership
   * disabled since, or one whose buildings no longer allow the work, gets the task refused and recorded
   * in the company's audit log. A refusal completes the job, since retrying it would be refused again.
   */
  async perform<T>(
    db: Database,
    platform: Platform,
    log: Logger,
    task: Task<T>,
    envelope: Envelope<T>,
  ): Promise<unknown> {
    const queuedAs = envelope.actor;
    const asQueued = runFor(db, platform, log, envelope);
    const refuse = async (reason: string) => {
      await asQueued((ctx) =>
        audit(ctx, { action: "task.refused", entity: "task", changes: { task: task.name, reason } }),
      );
      await task.refused?.(asQueued, envelope.data, reason);
      return { refused: reason };
    };
    // The system's own work (schedules) has no membership to lose.
    if (queuedAs.membershipId === null) return task.handler(asQueued, envelope.data);
    const actor = await db.transaction(envelope.companyId, (tx) =>
      this.resolveActor(tx, envelope.companyId, queuedAs),
    );
    if (!actor) return refuse("MEMBERSHIP_INACTIVE");
    try {
      return await task.handler(runFor(db, platform, log, { ...envelope, actor }), envelope.data);
    } catch (err) {
      // Authorization hides what the actor may not see as not found: both are refusals, not failures.
      if (err instanceof AppError && (err.status === 403 || err.status === 404)) return refuse(err.code);
      throw err;
    }
  }

  stop(): void {
    this.boss = null;
  }
}

/** A TaskRun in the requester's company: the worker's, and the CLI's for work it does in the foreground. */
export function runFor(db: Database, platform: Platform, log: Logger, envelope: Requester): TaskRun {
  return async (fn) => {
    const after: Array<() => Promise<void>> = [];
    const result = await db.transaction(envelope.companyId, (tx) =>
      fn({
        companyId: envelope.companyId,
        actor: envelope.actor,
        lang: envelope.lang,
        requestId: envelope.requestId,
        tx,
        platform,
        afterCommit: (f) => after.push(f),
      }),
    );
    for (const f of after) {
      await f().catch((err) => log.error({ err }, "after-commit work failed"));
    }
    return result;
  };
}
