import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";
import { openStream, quiet, until } from "../../../../test/helpers/live.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { signalLive } from "../../platform/live/live.js";

/*
 * The live inbox (GET /notifications/stream, Server-Sent Events): a page that holds it open hears of each
 * message put in its person's inbox, once the write commits, and hears nothing of anyone else's. Each stream is
 * read over a real socket. Across API processes: test/scale/two-processes.test.ts.
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
