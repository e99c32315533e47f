import type { Lang } from "../../contracts/common.js";
import type { Config } from "../config.js";
import type { PaymentGateway } from "../modules/billing/payments/gateway/gateway.js";
import type { Actor } from "./authz/actor.js";
import type { Keyring } from "./crypto/crypto.js";
import type { Tx } from "./db/client.js";
import type { TaskQueue } from "./jobs/tasks.js";
import type { Messenger } from "./messaging/messenger.js";

/** Long-lived services a request or job may use; built once per app. */
export type Platform = {
  config: Config;
  keyring: Keyring;
  messenger: Messenger;
  /** The card/e-wallet payment gateway, when one is configured. */
  gateway: PaymentGateway | null;
  /** Background work for a company, queued in the caller's transaction. */
  tasks: TaskQueue;
  /** Drops cached session state after a change (revocation, role change). */
  forgetSessions: (sessionIds?: readonly string[]) => void;
  /**
   * Rewrites tables so old row versions leave the files on disk (`VACUUM FULL` + checkpoint, as the owner,
   * outside any transaction): after an erasure, from `afterCommit`.
   */
  compactTables: (tables: readonly string[]) => Promise<void>;
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
