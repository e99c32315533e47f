import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type App, buildApp } from "../../src/server/app.js";
import { type Database, openPostgres } from "../../src/server/platform/db/client.js";
import { createLogger } from "../../src/server/platform/log/logger.js";
import { startTestApp, type TestEnv } from "../helpers/app.js";
import { newMember, newUnit, signIn } from "../helpers/builders.js";
import { Client } from "../helpers/client.js";
import { openStream, until } from "../helpers/live.js";
import { newResident } from "../helpers/residents.js";

/*
 * Two API processes on one PostgreSQL, the way to scale out: behind a load balancer they behave as one. A
 * session revoked through one is refused by the other at once (within a notification's delivery, not the 5 s
 * its cache would keep it), a rate limit counts the requests both received, and a page open on one hears what
 * the other wrote.
 */

const SIGN_IN_PER_MINUTE = 10;

describe.runIf(inject("dbKind") === "postgres")("two API processes on one PostgreSQL", () => {
  let env: TestEnv;
  let second: App;
  let secondDb: Database;
  let both: readonly App[];
  let companyId: string;
  let buildingId: string;
  let admin: Client;

  beforeAll(async () => {
    env = await startTestApp({ signInPerMinute: SIGN_IN_PER_MINUTE });
    if (!env.url) throw new Error("no database URL");
    secondDb = openPostgres(env.url, 2);
    second = await buildApp({ config: env.config, db: secondDb, logger: createLogger("silent") });
    await env.app.listen({ port: 0, host: "127.0.0.1" });
    await second.listen({ port: 0, host: "127.0.0.1" });
    both = [env.app, second];
    ({ companyId, buildingId } = await newUnit(env));
    admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.close();
  });

  /** The same browser (its cookies) talking to one process only. */
  const on = (app: App, browser: Client) => {
    const client = new Client(app);
    for (const [k, v] of browser.cookies) client.cookies.set(k, v);
    return client;
  };

  /** Who-am-I over a real socket: each process is reached over the network, as behind a load balancer. */
  const whoAmI = async (app: App, browser: Client) => {
    const { port } = app.server.address() as AddressInfo;
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { cookie } });
    return res.status;
  };

  it("refuses at once, on the other process, a session revoked through one", async () => {
    const person = await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] });
    const laptop = await signIn(env, person);
    const phone = await signIn(env, person);
    // Both processes have the laptop's session in their cache.
    expect(await whoAmI(env.app, laptop)).toBe(200);
    expect(await whoAmI(second, laptop)).toBe(200);

    const listed = await on(env.app, phone).get("/api/v1/me/sessions");
    const laptopSession = listed.body.items.find((s: { current: boolean }) => !s.current);
    expect(listed.body.items).toHaveLength(2);
    expect((await on(env.app, phone).delete(`/api/v1/me/sessions/${laptopSession.id}`)).status).toBe(204);

    // The other process cached the session for 5 s: it is told within the time a notification takes (the
    // revocation answers once its own process heard it back; another may lag a moment under load).
    const told = Date.now();
    while ((await whoAmI(second, laptop)) !== 401) {
      expect(Date.now() - told).toBeLessThan(1_000);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await whoAmI(env.app, laptop)).toBe(401);
    expect(await whoAmI(second, phone)).toBe(200);
  });

  it("counts a client's sign-in attempts on both processes against one limit", async () => {
    const balanced = new Client(both, { ip: "203.0.113.77" });
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_PER_MINUTE; i++) {
      const res = await balanced.post("/api/v1/auth/sign-in", {
        identifier: "nobody@example.vn",
        password: "Not-the-password-1",
      });
      statuses.push(res.status);
    }
    // Each process saw about half of them: only the shared count reaches the limit.
    expect(statuses.slice(0, SIGN_IN_PER_MINUTE)).not.toContain(429);
    expect(statuses[SIGN_IN_PER_MINUTE]).toBe(429);
    // Another client is counted apart.
    const other = await new Client(both, { ip: "203.0.113.78" }).post("/api/v1/auth/sign-in", {
      identifier: "nobody@example.vn",
      password: "Not-the-password-1",
    });
    expect(other.status).not.toBe(429);
  });

  it("tells a page open on one process of an announcement sent through the other", async () => {
    const r = await newResident(env, admin, (await newUnit(env, { companyId, buildingId })).unitId, {
      fullName: "Vũ Thị Lan",
      email: `lan.${Date.now()}@example.vn`,
    });
    const stream = await openStream(env.app, r.client);
    try {
      const sent = await on(second, admin).post(`/api/v1/buildings/${buildingId}/announcements`, {
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
