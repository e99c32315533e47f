import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { type App, buildApp } from "../../app.js";
import { openPostgres } from "../../platform/db/client.js";
import { signalLive } from "../../platform/live/live.js";
import { createLogger } from "../../platform/log/logger.js";

/*
 * The live inbox (GET /notifications/stream, Server-Sent Events): a page that holds it open hears of each
 * message put in its person's inbox, once the write commits, from whichever API process made it, and hears
 * nothing of anyone else's. Each stream is read over a real socket.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let admin: Client;

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  await env.app.listen({ port: 0, host: "127.0.0.1" });
  ({ companyId, buildingId } = await newUnit(env));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
});

const n = { value: 0 };
const email = (who: string) => `${who}.${++n.value}.${Date.now()}@example.vn`;

/** An open stream: its status, the events heard so far, and a way to wait for some. */
function openStream(app: App, client: Client) {
  const { port } = app.server.address() as AddressInfo;
  const events: string[] = [];
  let buffer = "";
  return new Promise<{ status: number; type: string; events: string[]; close: () => void }>(
    (resolve, reject) => {
      const req = http.get(
        {
          host: "127.0.0.1",
          port,
          path: "/api/v1/notifications/stream",
          headers: {
            cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
            "accept-language": "vi",
          },
        },
        (res) => {
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            buffer += chunk;
            for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = block.match(/^event: (.+)$/m)?.[1];
              if (event) events.push(event);
            }
          });
          res.on("error", () => {});
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"]),
            events,
            close: () => req.destroy(),
          });
        },
      );
      req.on("error", reject);
    },
  );
}

async function until(check: () => boolean, what: string, ms = 5_000) {
  for (const start = Date.now(); Date.now() - start < ms; ) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Time enough for a signal that should not come to have come (it takes a few ms when it does). */
const quiet = () => new Promise((r) => setTimeout(r, 300));

describe("live inbox", () => {
  it("tells a resident's open page of an announcement to their building, and no other page", async () => {
    const home = await newResident(env, admin, (await newUnit(env, { companyId, buildingId })).unitId, {
      fullName: "Trần Thị Mai",
      email: email("mai"),
    });
    // A resident of another building of the same company, and one of another company.
    const elsewhere = await newResident(env, admin, (await newUnit(env, { companyId })).unitId, {
      fullName: "Lê Văn Nam",
      email: email("nam"),
    });
    const other = await newUnit(env);
    const otherAdmin = await signIn(
      env,
      await newMember(env, "company_admin", { companyId: other.companyId }),
    );
    const stranger = await newResident(env, otherAdmin, other.unitId, {
      fullName: "Phạm Hà",
      email: email("ha"),
    });

    const mine = await openStream(env.app, home.client);
    const theirs = await openStream(env.app, elsewhere.client);
    const foreign = await openStream(env.app, stranger.client);
    try {
      expect(mine.status).toBe(200);
      expect(mine.type).toMatch(/^text\/event-stream/);
      const sent = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
        title: "Cắt nước thứ Bảy",
        body: "Từ 8 giờ đến 11 giờ.",
      });
      expect(sent.status).toBe(201);
      await until(() => mine.events.length > 0, "the resident's event");
      await quiet();
      expect(mine.events).toEqual(["notifications"]);
      expect(theirs.events).toEqual([]);
      expect(foreign.events).toEqual([]);
      // The event carries nothing: the page reads the inbox through the API.
      const inbox = await home.client.get("/api/v1/notifications");
      expect(inbox.body.items.map((i: { title: string }) => i.title)).toContain("Cắt nước thứ Bảy");
    } finally {
      for (const stream of [mine, theirs, foreign]) stream.close();
    }
  });

  it("says nothing of a write that rolled back, and speaks once it commits", async () => {
    const r = await newResident(env, admin, (await newUnit(env, { companyId, buildingId })).unitId, {
      fullName: "Đỗ Minh Khoa",
      email: email("khoa"),
    });
    const stream = await openStream(env.app, r.client);
    try {
      await env.db
        .transaction(companyId, async (tx) => {
          await signalLive(tx, companyId, "notifications", [r.accountId]);
          throw new Error("rolled back");
        })
        .catch(() => {});
      await quiet();
      expect(stream.events).toEqual([]);
      await env.db.transaction(companyId, (tx) => signalLive(tx, companyId, "notifications", [r.accountId]));
      await until(() => stream.events.length === 1, "the committed signal");
    } finally {
      stream.close();
    }
  });

  it("is refused without a session", async () => {
    const res = await new Client(env.app).get("/api/v1/notifications/stream");
    expect(res.status).toBe(401);
  });
});

// Two API processes on one PostgreSQL (the way to scale out): a page open on one hears what the other wrote.
describe.runIf(inject("dbKind") === "postgres")("live inbox across API processes", () => {
  let second: App | undefined;
  let secondDb: ReturnType<typeof openPostgres> | undefined;
  afterAll(async () => {
    await second?.close();
    await secondDb?.close();
  });

  it("reaches a page open on one process from an announcement sent through another", async () => {
    if (!env.url) throw new Error("no database URL");
    secondDb = openPostgres(env.url, 2);
    second = await buildApp({ config: env.config, db: secondDb, logger: createLogger("silent") });
    await second.listen({ port: 0, host: "127.0.0.1" });
    const r = await newResident(env, admin, (await newUnit(env, { companyId, buildingId })).unitId, {
      fullName: "Vũ Thị Lan",
      email: email("lan"),
    });
    const stream = await openStream(env.app, r.client);
    try {
      // The same signed-in admin, through the other process: sessions live in the database.
      const viaSecond = new Client(second);
      for (const [k, v] of admin.cookies) viaSecond.cookies.set(k, v);
      const sent = await viaSecond.post(`/api/v1/buildings/${buildingId}/announcements`, {
        title: "Diễn tập PCCC",
        body: "Thứ Tư, 9 giờ.",
      });
      expect(sent.status).toBe(201);
      await until(() => stream.events.length > 0, "the event from the other process");
      expect(stream.events).toEqual(["notifications"]);
    } finally {
      stream.close();
    }
  });
});
