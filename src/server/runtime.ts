import type { Logger } from "pino";
import type { Config } from "./config.js";
import { modules } from "./modules/index.js";
import { currentActor } from "./modules/staff/index.js";
import type { ModuleManifest, Platform } from "./platform/context.js";
import { Keyring } from "./platform/crypto/crypto.js";
import type { Database } from "./platform/db/client.js";
import { compactTables } from "./platform/db/compact.js";
import { TaskQueue } from "./platform/jobs/tasks.js";
import { LiveHub } from "./platform/live/live.js";
import { Messenger } from "./platform/messaging/messenger.js";
import type { SmsGateway } from "./platform/messaging/sms.js";
import type { ZnsGateway } from "./platform/messaging/zalo.js";
import { type BlobStore, createStore } from "./platform/storage/store.js";

export type PlatformOptions = {
  config: Config;
  db: Database;
  logger: Logger;
  /** Replaces the HTTP SMS gateway (tests capture SMS at the edge). */
  sms?: SmsGateway;
  /** Replaces the HTTP Zalo ZNS gateway (tests capture Zalo messages at the edge). */
  zns?: ZnsGateway;
  /** The modules to run (default: every module of `modules/index.ts`); a test may add one of its own. */
  modules?: readonly ModuleManifest[];
  /** The app's session cache (its SessionResolver); the CLI and benchmarks cache none. */
  sessionCache?: Platform["sessionCache"];
  /** Replaces the store STORAGE configures (a test's own directory or bucket). */
  storage?: BlobStore;
};

/** The long-lived services of one app, CLI run or benchmark, with every module of `modules/index.ts`. */
export function createPlatform(opts: PlatformOptions): Platform {
  const { config, db, logger } = opts;
  return {
    config,
    keyring: new Keyring(config.masterKey),
    messenger: new Messenger(config, logger, { sms: opts.sms, zns: opts.zns }),
    live: new LiveHub(db),
    tasks: new TaskQueue(currentActor),
    storage: opts.storage ?? createStore(config.storage),
    sessionCache: opts.sessionCache ?? { forget: () => {}, echo: async () => {} },
    compactTables: (tables) => compactTables(db, tables, logger),
    modules: opts.modules ?? modules,
    slots: new Map(),
  };
}
