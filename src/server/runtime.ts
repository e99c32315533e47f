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

export type PlatformOptions = {
  config: Config;
  db: Database;
  logger: Logger;
  /** Replaces the HTTP SMS gateway (tests capture SMS at the edge). */
  sms?: SmsGateway;
  /** The modules to run (default: every module of `modules/index.ts`); a test may add one of its own. */
  modules?: readonly ModuleManifest[];
  /** The app's session cache (its SessionResolver); the CLI and benchmarks cache none. */
  sessionCache?: Platform["sessionCache"];
};

/** The long-lived services of one app, CLI run or benchmark, with every module of `modules/index.ts`. */
export function createPlatform(opts: PlatformOptions): Platform {
  const { config, db, logger } = opts;
  return {
    config,
    keyring: new Keyring(config.masterKey),
    messenger: new Messenger(config, logger, opts.sms),
    live: new LiveHub(db),
    tasks: new TaskQueue(currentActor),
    sessionCache: opts.sessionCache ?? { forget: () => {}, echo: async () => {} },
    compactTables: (tables) => compactTables(db, tables, logger),
    modules: opts.modules ?? modules,
    slots: new Map(),
  };
}
