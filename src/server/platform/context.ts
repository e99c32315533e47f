import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { z } from "zod";
import type { Lang } from "../../contracts/common.js";
import type { ErasureOutcome } from "../../contracts/privacy.js";
import type { MyData } from "../../contracts/registry.js";
import type { Config } from "../config.js";
import type { Actor } from "./authz/actor.js";
import type { Policy } from "./authz/can.js";
import type { Keyring } from "./crypto/crypto.js";
import type { Database, Tx } from "./db/client.js";
import type { LiveHub } from "./live/live.js";
import type { Messenger } from "./messaging/messenger.js";
import type { NotificationTemplate } from "./messaging/templates.js";
import type { Purpose } from "./privacy/purposes.js";
import type { BlobStore } from "./storage/store.js";

/*
 * The contract between the platform and the modules: the context every service receives, the long-lived
 * services of an app, and the parts a module declares in its manifest. They sit in one file because they name
 * each other (a module's schedule receives the platform, the platform lists the modules).
 */

/** What a change to sessions (revocation, role change) asks of the process's cache of session state. */
export type SessionCache = {
  /** Drops the cached state of these sessions (none given: of every session). */
  forget(sessionIds?: readonly string[]): void;
  /** Resolves once this process hears back the change signal that carries `nonce`, or after a short wait. */
  echo(nonce: string): Promise<void>;
};

/** Long-lived services a request or job may use; built once per app (src/server/runtime.ts). */
export type Platform = {
  config: Config;
  keyring: Keyring;
  messenger: Messenger;
  /** Open app pages told live of what changed for their person (platform/live). */
  live: LiveHub;
  /** Background work for a company, queued in the caller's transaction. */
  tasks: TaskQueue;
  /** Uploaded files (photos, documents): on disk or in an S3 bucket, as STORAGE says. */
  storage: BlobStore;
  /** This process's cache of session state (accounts' SessionResolver; the CLI and benchmarks cache none). */
  sessionCache: SessionCache;
  /**
   * Rewrites tables so old row versions leave the files on disk (`VACUUM FULL` + checkpoint, as the owner,
   * outside any transaction): after an erasure, from `afterCommit`.
   */
  compactTables: (tables: readonly string[]) => Promise<void>;
  /** The modules, in the order `modules/index.ts` lists them: what the app, the jobs and the privacy center ask. */
  modules: readonly ModuleManifest[];
  /** What a module sets up for the app's life (billing's payment gateway), each under its slot (`defineSlot`). */
  slots: Map<symbol, unknown>;
};

/**
 * What every service function receives first (DESIGN §4): the tenant, who acts, their language,
 * the request id, and the open transaction — passed explicitly, never looked up ambiently.
 */
export type Ctx = {
  companyId: string;
  actor: Actor;
  lang: Lang;
  requestId: string;
  tx: Tx;
  platform: Platform;
  /** Work to do once the transaction has committed (sending messages). */
  afterCommit: (fn: () => Promise<void>) => void;
};

/** Runs `fn` in one transaction of the task's company; work queued with ctx.afterCommit runs after it. */
export type TaskRun = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

/**
 * Background work done for one company (bulk invitations, billing runs, recurring charges). A handler may
 * open several transactions through `run` to work in chunks; each must be safe to repeat, because a job
 * that fails midway is retried from the start.
 */
export type TaskHandler<T> = (run: TaskRun, data: T) => Promise<unknown>;

export type Task<T> = {
  readonly name: string;
  readonly handler: TaskHandler<T>;
  /** Closes what the task's enqueuer opened (a run's row) when the worker refuses it (its requester lost the right). */
  readonly refused?: (run: TaskRun, data: T, reason: string) => Promise<void>;
};

/** The queue of tasks (platform/jobs/tasks.ts): enqueued in the caller's transaction, worked by pg-boss. */
export interface TaskQueue {
  enqueue<T>(ctx: Ctx, task: Task<T>, data: T): Promise<string>;
  /** Whether tasks are worked here (pg-boss started): without, work is left for the schedules to find. */
  running(): boolean;
  /** Creates each module's task queues and works them. */
  start(boss: PgBoss, db: Database, platform: Platform, log: Logger): Promise<void>;
  stop(): void;
}

/** What a scheduled job runs with: it opens its own transactions, per company. */
export type JobEnv = { db: Database; platform: Platform; log: Logger };

/** Recurring work on a cron in Vietnam's time (`defineSchedule`). */
export type Schedule = {
  readonly name: string;
  readonly cron: string;
  readonly run: (env: JobEnv) => Promise<unknown>;
  /** Whether the configuration calls for it (default: always). */
  readonly when?: (config: Config) => boolean;
};

/** What a module's routes are registered with, under `/api/v1`. */
export type ModuleRouteOptions = { db: Database; platform: Platform };

/**
 * The demo's seeding (demo mode, empty database): each module seeds its part, in the order of the module list,
 * and leaves the ids later modules need.
 */
export type DemoSeed = {
  db: Database;
  platform: Platform;
  /** Ids of what earlier modules seeded, by name: "company", "building", "account:<email>", "unit:<code>". */
  ids: Map<string, string>;
};

/** A module's manifest (`defineModule`), exported by its `index.ts` and listed in `modules/index.ts`. */
export type ModuleManifest = {
  readonly name: string;
  /** Its API, registered under `/api/v1`. */
  readonly routes?: FastifyPluginAsyncZod<ModuleRouteOptions>;
  /** Work at the app's root once the API is registered (pages outside `/api`, services kept in slots). */
  readonly setUp?: (app: FastifyInstance, platform: Platform) => Promise<void>;
  readonly schedules?: readonly Schedule[];
  readonly tasks?: readonly Task<never>[];
  /** The notifications it sends (`defineTemplate`), by key: deliveries are rendered from them when sent. */
  readonly templates?: readonly NotificationTemplate<never>[];
  /** Of these accounts, those consenting now to a purpose: the module keeping consent records answers it. */
  readonly consenting?: (
    ctx: Ctx,
    accountIds: readonly string[],
    purpose: "marketing",
  ) => Promise<Set<string>>;
  /** Seeds the module's part of the demo company. */
  readonly seedDemo?: (seed: DemoSeed) => Promise<void>;
  /** Who may do what to its kinds of resource; route permissions and the web's abilities look them up here. */
  readonly policies?: readonly Policy<string, string, never>[];
  /** The work waiting for staff that the console's dashboard counts (`defineWorkQueue`), each behind its policy. */
  readonly workQueues?: readonly WorkQueue[];
  /** Where the module keeps personal data, and how it shows, holds and erases it (`definePersonalData`). */
  readonly personalData?: readonly PersonalDataProvider[];
  /** What it shows on the resident's home for the unit looked at: cards and quick actions (`defineHomeCard`). */
  readonly residentHome?: ResidentHomeContribution;
  /** The resident app's tabs it puts content behind; a tab no module names is not shown. */
  readonly residentTabs?: readonly ResidentTab[];
  /**
   * A bank transfer whose memo names no fee notice: the module takes it when the memo names something of its own
   * (an order's code) and answers what it paid (`order:DH00012345`), or null to leave it for the accountant.
   */
  readonly claimTransfer?: (ctx: Ctx, transfer: ReceivedTransfer) => Promise<string | null>;
};

/** A transfer into one of the company's accounts, as billing received it from the bank feed. */
export type ReceivedTransfer = {
  id: string;
  amount: number;
  memo: string;
  occurredAt: Date;
  /** `provider:externalId`, unique per transfer. */
  reference: string;
};

/** The unit a resident's home is about, once checked that the resident lives there. */
export type HomeUnit = { id: string; code: string; buildingId: string };

/**
 * A card on the resident's home: its key (the web draws it by key), its place (low first), the shape of its
 * data (zod: the endpoint's contract and the web's types are built from every module's cards) and the query
 * that fills it for a unit, or answers null when there is nothing to show (nothing due).
 */
export type ResidentHomeCard<T = unknown> = {
  readonly key: string;
  readonly order: number;
  readonly data: z.ZodType<T>;
  readonly summary: (ctx: Ctx, unit: HomeUnit) => Promise<T | null>;
};

/** A shortcut on the resident's home to a page of the resident app (`to`, under `/app`). */
export type ResidentQuickAction = { readonly key: string; readonly order: number; readonly to: string };

export type ResidentHomeContribution = {
  readonly cards?: readonly ResidentHomeCard[];
  readonly actions?: readonly ResidentQuickAction[];
};

/** A tab of the resident app's bottom bar a module fills (`invoices`, `services`, `tickets`). */
export type ResidentTab = { readonly key: string; readonly order: number };

type Text = { vi: string; en: string };

/** A kind of personal data a module stores, as the processing register and the privacy center show it. */
export type PersonalField = {
  /** `subject.name` (`resident.phone`): the name disclosures, reveals and erasure outcomes use. */
  readonly key: string;
  readonly label: Text;
  readonly purposes: readonly Purpose[];
  readonly retention: Text;
  /** Sensitive under Decree 356 (identity documents, financial data): encrypted and shown masked. */
  readonly sensitive?: boolean;
  /**
   * The audit-log records (entities) a change to it is written as, and the names it goes by there besides the
   * part of its key after the dot: the audit log masks those changes.
   */
  readonly records: readonly string[];
  readonly alsoCalled?: readonly string[];
  /** Where it is stored, as `table.column` (a test holds every personal-looking column to this list). */
  readonly columns: readonly string[];
};

/** A copy of a field another module declares, kept in this module's tables (an invitation's contact). */
export type PersonalFieldCopy = {
  readonly of: string;
  readonly records?: readonly string[];
  readonly columns: readonly string[];
};

/** What one queue holds for the actor, in one building (or the whole company when `buildingId` is null). */
export type WorkCount = {
  readonly buildingId: string | null;
  /** The billing period the items belong to, when the list is a period's (drafts of a month). */
  readonly period?: string | null;
  readonly count: number;
  /** Of those, how many are past their deadline (a data request's month, a breach's 72 hours). */
  readonly overdue?: number;
  /** The nearest deadline (a clock) or the oldest item's date (a debt's due date). */
  readonly due?: Date | string | null;
};

/**
 * A kind of work waiting for staff (vehicles to approve, notices to issue, data requests with their clock): the
 * console's dashboard walks every module's queues and shows those the actor may work, with their counts.
 */
export type WorkQueue = {
  /** Stable, `module.queue` (`billing.drafts`): the web and the tests name the queue by it. */
  readonly key: string;
  readonly label: Text;
  /** Whether the actor works this queue: asked of the module's policies, never of role lists. */
  readonly sees: (actor: Actor) => boolean;
  /**
   * The actor's items, counted by one set-based query kept to the actor's buildings (company-wide roles see
   * every building): one row per building (and period) that has any, or one row for a company-wide queue.
   */
  readonly count: (ctx: Ctx) => Promise<readonly WorkCount[]>;
  /** `deadline`: `due` is a legal clock, shown in red once past; `age`: it is the oldest item's date. */
  readonly due?: "deadline" | "age";
  /** The console address of the list that shows these items, with its filters in the address. */
  readonly link: (part: WorkCount) => string;
};

type MyDataShape = z.infer<typeof MyData>;
/** One module's part of a person's data: the privacy center joins the parts of a record by its resident. */
export type PersonalDataPart = {
  records?: ({ residentId: string } & Partial<MyDataShape["records"][number]>)[];
  account?: MyDataShape["account"];
  consents?: MyDataShape["consents"];
  requests?: MyDataShape["requests"];
  conversations?: MyDataShape["conversations"];
  tickets?: MyDataShape["tickets"];
  guestPasses?: MyDataShape["guestPasses"];
  parcels?: MyDataShape["parcels"];
  bookings?: MyDataShape["bookings"];
  documentAcknowledgements?: MyDataShape["documentAcknowledgements"];
  serviceRequests?: MyDataShape["serviceRequests"];
  renovations?: MyDataShape["renovations"];
  orders?: MyDataShape["orders"];
  notifications?: MyDataShape["notifications"];
};

/** Whom "my data" and the export are about: the signed-in account and its resident records in the company. */
export type DataOwner = {
  accountId: string;
  residentIds: readonly string[];
  /** Each record's stays in units (the billing history shown is the units' while the person lived there). */
  stays: readonly {
    residentId: string;
    unitId: string;
    unitCode: string;
    from: string | null;
    to: string | null;
  }[];
};

/** Whom an erasure is about: a resident record, with what the modules need to find their data. */
export type ErasureSubject = {
  id: string;
  fullName: string;
  accountId: string | null;
  /** The language the person is told in. */
  lang: Lang;
  unitIds: string[];
  /** Units the person owns now (an owner answers for the unit's fees), with their codes. */
  owned: { unitId: string; code: string }[];
};

/** Something that keeps part of a person's data from erasure, told to the person as what, why and until when. */
export type ErasureHold = ErasureOutcome["kept"][number] & {
  /** The fields it keeps (the modules leave them in place), or everything (nothing is erased yet). */
  keeps: readonly string[] | "everything";
};

/** What one module erased: the fields that held a value (told to the person), counts for the audit entry. */
export type ErasureStep = {
  erased: readonly string[];
  /** Tables rewritten in place, compacted after the commit so old row versions leave the disk. */
  tables: readonly string[];
  counts?: Record<string, unknown>;
};

/** One module's personal data (`definePersonalData`): listed in its manifest, asked by the privacy center. */
export type PersonalDataProvider = {
  readonly fields: readonly PersonalField[];
  readonly copies?: readonly PersonalFieldCopy[];
  /** The person's data this module holds, in full (they are shown their own). */
  readonly collect?: (ctx: Ctx, owner: DataOwner) => Promise<PersonalDataPart>;
  /** What keeps part of the person's data from erasure now. */
  readonly holds?: (ctx: Ctx, person: ErasureSubject) => Promise<ErasureHold[]>;
  /** Erases the person's data, except the fields a hold keeps. */
  readonly erase?: (ctx: Ctx, person: ErasureSubject, keep: ReadonlySet<string>) => Promise<ErasureStep>;
};
