import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../../test/helpers/db.js";
import { sharedRateLimitStore } from "./rate-limit-store.js";

/*
 * Two stores on one database stand for two API processes: what one counts, the other sees. Small limits are
 * exact on every request; large ones are counted by each process and shared within the flush interval.
 */

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
const stores: ReturnType<typeof sharedRateLimitStore>[] = [];

beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(async () => {
  for (const s of stores) s.stop();
  await fresh.drop();
});

function process() {
  const store = sharedRateLimitStore(fresh.db);
  stores.push(store);
  const instance = new store.Store({});
  return (key: string, window: number, max: number) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      instance.incr(key, (error, hits) => (error || !hits ? reject(error) : resolve(hits)), window, max),
    );
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("shared rate-limit counters", () => {
  it("count a small limit exactly, whichever process a request reaches", async () => {
    const [a, b] = [process(), process()];
    const seen: number[] = [];
    for (let i = 0; i < 12; i++)
      seen.push((await (i % 2 === 0 ? a : b)("sign-in 198.51.100.1", 60_000, 10)).current);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Another client has its own count.
    expect((await b("sign-in 198.51.100.2", 60_000, 10)).current).toBe(1);
  });

  it("start a new window once the last one has ended", async () => {
    const a = process();
    await a("burst 198.51.100.3", 300, 10);
    expect((await a("burst 198.51.100.3", 300, 10)).current).toBe(2);
    await wait(400);
    const next = await a("burst 198.51.100.3", 300, 10);
    expect(next.current).toBe(1);
    expect(next.ttl).toBeGreaterThan(200);
  });

  it("share a large limit's counts within the flush interval, and count exactly near the limit", async () => {
    const [a, b] = [process(), process()];
    for (let i = 0; i < 300; i++) await a("flood 198.51.100.4", 60_000, 1000);
    await wait(500);
    // The other process learns of them at its first request of the client.
    expect((await b("flood 198.51.100.4", 60_000, 1000)).current).toBe(301);
    for (let i = 0; i < 300; i++) await b("flood 198.51.100.4", 60_000, 1000);
    // A counts its next request itself, and learns of B's when it adds it to the shared count.
    await a("flood 198.51.100.4", 60_000, 1000);
    await wait(500);
    // Past half of the limit every request is counted in the database, exactly.
    expect((await a("flood 198.51.100.4", 60_000, 1000)).current).toBe(603);
    expect((await b("flood 198.51.100.4", 60_000, 1000)).current).toBe(604);
  });
});
