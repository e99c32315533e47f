import type { Database, Tx } from "../db/client.js";
import { inGroups, notifyOnCommit } from "../db/notify.js";

/*
 * Live updates for open app pages: a write tells PostgreSQL (`pg_notify`, in its own transaction, so nothing is
 * said about a write that rolled back), and every API process hears it and tells its own open streams. The
 * message says only what changed for whom (a topic and account ids), never the content: the page asks for that
 * through the API, where tenancy and permissions apply as always.
 */
export const LIVE_CHANNEL = "chungcu_live";

/** What changed for a person: their inbox, a conversation or a ticket they take part in. */
export type LiveTopic = "notifications" | "conversations" | "tickets";

type Signal = { c: string; t: LiveTopic; a: string[] };

/** Account ids per message: PostgreSQL's 8,000-byte payload holds about 190 of them. */
const IDS_PER_MESSAGE = 150;

/** Tells the open pages of these people, once the caller's transaction commits, that `topic` changed. */
export async function signalLive(
  tx: Tx,
  companyId: string,
  topic: LiveTopic,
  accountIds: readonly string[],
): Promise<void> {
  const signals = inGroups(accountIds, IDS_PER_MESSAGE).map((a): Signal => ({ c: companyId, t: topic, a }));
  // One statement for all of them (10,000 people are 67 messages).
  await notifyOnCommit(
    tx,
    LIVE_CHANNEL,
    signals.map((s) => JSON.stringify(s)),
  );
}

/** An open stream of one person: told of each topic that changed for them, ended when the app closes. */
export type LiveStream = { send: (topic: LiveTopic) => void; end: () => void };

/** The streams open on this process, by company and account, fed from the database's notifications. */
export class LiveHub {
  private readonly streams = new Map<string, Set<LiveStream>>();
  private listening: Promise<() => Promise<void>> | undefined;

  constructor(private readonly db: Database) {}

  /** Starts hearing the database (once) and adds the stream; resolves once its signals will arrive. */
  async open(companyId: string, accountId: string, stream: LiveStream): Promise<() => void> {
    this.listening ??= this.db.listen(LIVE_CHANNEL, (payload) => this.dispatch(payload));
    try {
      await this.listening;
    } catch (error) {
      this.listening = undefined;
      throw error;
    }
    const key = `${companyId}:${accountId}`;
    const set = this.streams.get(key) ?? new Set();
    set.add(stream);
    this.streams.set(key, set);
    return () => {
      set.delete(stream);
      if (set.size === 0) this.streams.delete(key);
    };
  }

  /** How many streams a person has open here (a cap keeps one account from holding the process's sockets). */
  count(companyId: string, accountId: string): number {
    return this.streams.get(`${companyId}:${accountId}`)?.size ?? 0;
  }

  private dispatch(payload: string) {
    let signal: Signal;
    try {
      signal = JSON.parse(payload) as Signal;
    } catch {
      return;
    }
    if (!Array.isArray(signal.a)) return;
    for (const accountId of signal.a) {
      for (const stream of this.streams.get(`${signal.c}:${accountId}`) ?? []) stream.send(signal.t);
    }
  }

  /** Ends every open stream (the server can then close) and stops hearing the database. */
  async close(): Promise<void> {
    for (const set of this.streams.values()) for (const stream of set) stream.end();
    this.streams.clear();
    const listening = this.listening;
    this.listening = undefined;
    const stop = await listening?.catch(() => undefined);
    await stop?.();
  }
}
