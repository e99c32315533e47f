import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newAccount, PASSWORD } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

type Person = { email: string; accountId: string };
type Device = { id: string; label: string; current: boolean; trustedUntil: string };

/** Signs in from a new browser with the code sent by email, remembering the browser or not. */
async function signInFrom(p: Person, userAgent: string, rememberDevice: boolean) {
  const client = new Client(env.app, { userAgent });
  const first = await client.post("/api/v1/auth/sign-in", { identifier: p.email, password: PASSWORD });
  expect(first.body.status).toBe("otp_required");
  const code = await env.smtp.codeFor(p.email);
  expect((await client.post("/api/v1/auth/otp/verify", { code, rememberDevice })).status).toBe(200);
  return client;
}

const PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1";
const WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/128.0";

describe("remembered devices", () => {
  it("lists only the devices still remembered; a forgotten or expired one is not listed", async () => {
    const p = await newAccount(env);
    const laptop = await signInFrom(p, WINDOWS, true);
    // Signed in with a code but not remembered: a device row exists (its sessions name it), yet it is not listed.
    await signInFrom(p, PHONE, false);
    const listed = async (client: Client) =>
      ((await client.get("/api/v1/me/devices")).body.items as Device[]).map((d) => d.label);
    expect(await listed(laptop)).toEqual(["Firefox · Windows"]);
    const sessions = (await laptop.get("/api/v1/me/sessions")).body.items as { deviceLabel: string }[];
    expect(sessions.map((s) => s.deviceLabel).sort()).toEqual(["Firefox · Windows", "Safari · iOS"]);

    // A remembered device whose 90 days ran out is not listed either.
    const tablet = await signInFrom(p, PHONE.replace("iPhone", "iPad"), true);
    expect((await listed(tablet)).length).toBe(2);
    await env.db.ownerSql.query(
      "update devices set trusted_until = now() - interval '1 minute' where account_id = $1 and label = 'Firefox · Windows'",
      [p.accountId],
    );
    const [only] = (await tablet.get("/api/v1/me/devices")).body.items as Device[];
    expect((await tablet.get("/api/v1/me/devices")).body.items).toHaveLength(1);
    expect(only).toMatchObject({ current: true });
    expect(only?.label).not.toBe("Firefox · Windows");
  });

  it("forgets a device: it leaves the list, cannot be forgotten twice, and asks for a code again", async () => {
    const p = await newAccount(env);
    const laptop = await signInFrom(p, WINDOWS, true);
    const [device] = (await laptop.get("/api/v1/me/devices")).body.items as Device[];
    expect(device).toMatchObject({ current: true, label: "Firefox · Windows" });
    expect((await laptop.delete(`/api/v1/me/devices/${device?.id}`)).status).toBe(204);
    expect((await laptop.get("/api/v1/me/devices")).body.items).toEqual([]);
    expect((await laptop.delete(`/api/v1/me/devices/${device?.id}`)).status).toBe(404);
    // The session itself stays (forgetting is not signing out), and its device keeps its name.
    const sessions = (await laptop.get("/api/v1/me/sessions")).body.items as { deviceLabel: string }[];
    expect(sessions.map((s) => s.deviceLabel)).toEqual(["Firefox · Windows"]);
    await laptop.post("/api/v1/auth/sign-out");
    const again = await laptop.post("/api/v1/auth/sign-in", { identifier: p.email, password: PASSWORD });
    expect(again.body.status).toBe("otp_required");
  });

  it("does not let one person forget another's device", async () => {
    const a = await signInFrom(await newAccount(env), WINDOWS, true);
    const b = await signInFrom(await newAccount(env), WINDOWS, true);
    const [bDevice] = (await b.get("/api/v1/me/devices")).body.items as Device[];
    expect((await a.delete(`/api/v1/me/devices/${bDevice?.id}`)).status).toBe(404);
    expect((await b.get("/api/v1/me/devices")).body.items).toHaveLength(1);
  });
});
