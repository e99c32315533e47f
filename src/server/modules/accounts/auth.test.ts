import { sql } from "drizzle-orm";
import { generateSync } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newAccount, newMember, PASSWORD, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

const signInBody = (p: { email: string }, password = PASSWORD) => ({ identifier: p.email, password });

describe("sign-in", () => {
  it("refuses a wrong password and an unknown account alike, in the caller's language", async () => {
    const p = await newAccount(env);
    const vi = await new Client(env.app).post("/api/v1/auth/sign-in", signInBody(p, "wrong-password-1"));
    expect(vi.status).toBe(401);
    expect(vi.body.error.code).toBe("INVALID_CREDENTIALS");
    expect(vi.body.error.message).toMatch(/không đúng/);
    const en = await new Client(env.app, { lang: "en" }).post("/api/v1/auth/sign-in", {
      identifier: "nobody@example.vn",
      password: "whatever-1",
    });
    expect(en.status).toBe(401);
    expect(en.body.error).toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: "Wrong email/phone or password.",
    });
  });

  it("answers 400 with field messages for a malformed body", async () => {
    const res = await new Client(env.app).post("/api/v1/auth/sign-in", { identifier: "x" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.error.details.fields)).toEqual(
      expect.arrayContaining(["identifier", "password"]),
    );
  });

  it("locks the account after 5 failures, even for the right password, and says for how long", async () => {
    const p = await newAccount(env);
    const client = new Client(env.app);
    for (let i = 0; i < 5; i++) {
      expect((await client.post("/api/v1/auth/sign-in", signInBody(p, "wrong-password-1"))).status).toBe(401);
    }
    const locked = await client.post("/api/v1/auth/sign-in", signInBody(p));
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("ACCOUNT_LOCKED");
    expect(locked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.headers["retry-after"]).toBeDefined();
  });

  it("requires a one-time code from a new device, which works once only", async () => {
    const p = await newAccount(env);
    const client = new Client(env.app);
    const first = await client.post("/api/v1/auth/sign-in", signInBody(p));
    expect(first.body).toMatchObject({ status: "otp_required", channel: "email" });
    expect(first.body.destination).not.toContain(p.email);
    expect((await client.get("/api/v1/auth/me")).status).toBe(401);
    const code = await env.smtp.codeFor(p.email);
    const wrong = await client.post("/api/v1/auth/otp/verify", {
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong.body.error.code).toBe("OTP_INVALID");
    const ok = await client.post("/api/v1/auth/otp/verify", { code });
    expect(ok.status).toBe(200);
    expect(ok.body.me.account.id).toBe(p.accountId);
    expect((await client.get("/api/v1/auth/me")).status).toBe(200);

    // The same code on another pending sign-in is refused.
    const other = new Client(env.app);
    await other.post("/api/v1/auth/sign-in", signInBody(p));
    const reuse = await other.post("/api/v1/auth/otp/verify", { code });
    expect(reuse.status).toBe(422);
    expect(reuse.body.error.code).toBe("OTP_INVALID");
  });

  it("refuses an expired code", async () => {
    const p = await newAccount(env);
    const client = new Client(env.app);
    await client.post("/api/v1/auth/sign-in", signInBody(p));
    const code = await env.smtp.codeFor(p.email);
    await env.db.owner.execute(
      sql`update otp_codes set expires_at = now() - interval '1 second' where account_id = ${p.accountId}`,
    );
    const res = await client.post("/api/v1/auth/otp/verify", { code });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("OTP_EXPIRED");
  });

  it("spends a code after 5 wrong attempts", async () => {
    const p = await newAccount(env);
    const client = new Client(env.app);
    await client.post("/api/v1/auth/sign-in", signInBody(p));
    const code = await env.smtp.codeFor(p.email);
    const wrong = code === "123456" ? "654321" : "123456";
    for (let i = 0; i < 4; i++) await client.post("/api/v1/auth/otp/verify", { code: wrong });
    expect((await client.post("/api/v1/auth/otp/verify", { code: wrong })).body.error.code).toBe(
      "OTP_TOO_MANY_ATTEMPTS",
    );
    expect((await client.post("/api/v1/auth/otp/verify", { code })).body.error.code).toBe("OTP_INVALID");
  });

  it("sends the code by SMS to a phone login", async () => {
    const p = await newAccount(env, { phone: "0912345678" });
    const client = new Client(env.app);
    const res = await client.post("/api/v1/auth/sign-in", {
      identifier: "+84 912 345 678",
      password: PASSWORD,
    });
    expect(res.body).toMatchObject({ status: "otp_required", channel: "sms", destination: "0912 *** 678" });
    const ok = await client.post("/api/v1/auth/otp/verify", { code: env.sms.codeFor("0912345678") });
    expect(ok.body.me.account.id).toBe(p.accountId);
  });

  it("skips the code on a remembered device", async () => {
    const p = await newAccount(env);
    const client = new Client(env.app);
    await client.post("/api/v1/auth/sign-in", signInBody(p));
    await client.post("/api/v1/auth/otp/verify", {
      code: await env.smtp.codeFor(p.email),
      rememberDevice: true,
    });
    await client.post("/api/v1/auth/sign-out");
    const again = await client.post("/api/v1/auth/sign-in", signInBody(p));
    expect(again.body.status).toBe("signed_in");
    const devices = await client.get("/api/v1/me/devices");
    expect(devices.body.items).toHaveLength(1);
    expect(devices.body.items[0]).toMatchObject({ current: true, label: "Chrome · Linux" });
    expect(devices.body.items[0].trustedUntil).not.toBeNull();
  });
});

describe("rate limits", () => {
  it("answers 429 after too many sign-in attempts from one address", async () => {
    const strict = await startTestApp({ signInPerMinute: 3 });
    const client = new Client(strict.app, { ip: "203.0.113.9" });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await client.post("/api/v1/auth/sign-in", { identifier: "a@b.vn", password: "x-1234567" })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const last = await client.post("/api/v1/auth/sign-in", { identifier: "a@b.vn", password: "x-1234567" });
    expect(last.body.error.code).toBe("RATE_LIMITED");
    // Reset requests have their own per-IP counter (and a per-identifier quota, see lockout.test.ts).
    const resets: number[] = [];
    for (let i = 0; i < 4; i++)
      resets.push((await client.post("/api/v1/auth/password/forgot", { identifier: `x${i}@b.vn` })).status);
    expect(resets).toEqual([202, 202, 202, 429]);
  });
});

describe("CSRF", () => {
  it("refuses a state-changing request whose header does not match the cookie", async () => {
    const p = await newMember(env, "company_admin");
    const client = await signIn(env, p);
    const forged = await client.request(
      "POST",
      "/api/v1/buildings",
      { name: "X", address: "1 Đường Số 1", blocks: [] },
      {
        "x-csrf-token": "forged",
      },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("CSRF_INVALID");
    const noHeader = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-out",
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(noHeader.statusCode).toBe(403);
    expect((await client.get("/api/v1/auth/me")).status).toBe(200);
  });
});

describe("session fixation and CSRF binding (issue 11, item 9)", () => {
  it("replaces the session token when the one-time code is verified: the pre-code token is dead", async () => {
    const p = await newAccount(env);
    const client = new Client(env.app);
    await client.post("/api/v1/auth/sign-in", signInBody(p));
    const pending = client.cookies.get("cc_session") as string;
    expect(pending).toBeTruthy();
    const ok = await client.post("/api/v1/auth/otp/verify", { code: await env.smtp.codeFor(p.email) });
    expect(ok.status).toBe(200);
    const active = client.cookies.get("cc_session") as string;
    expect(active).toBeTruthy();
    expect(active).not.toBe(pending);
    expect((await client.get("/api/v1/auth/me")).status).toBe(200);
    // Whoever planted or saw the pre-code token gets nothing from it.
    const planted = await env.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: `cc_session=${pending}` },
    });
    expect(planted.statusCode).toBe(401);
  });

  it("replaces the token after the authenticator code too", async () => {
    const p = await newAccount(env);
    const { secret } = await enrolTotp(p);
    const client = new Client(env.app);
    expect((await client.post("/api/v1/auth/sign-in", signInBody(p))).body.status).toBe("totp_required");
    const pending = client.cookies.get("cc_session") as string;
    const ok = await client.post("/api/v1/auth/totp/verify", { code: generateSync({ secret }) });
    expect(ok.body.status).toBe("signed_in");
    expect(client.cookies.get("cc_session")).not.toBe(pending);
    const planted = await env.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      headers: { cookie: `cc_session=${pending}` },
    });
    expect(planted.statusCode).toBe(401);
  });

  it("refuses a CSRF token from another session, and a pair the client made up", async () => {
    const a = await signIn(env, await newAccount(env));
    const b = await signIn(env, await newAccount(env));
    const aToken = a.cookies.get("cc_csrf") as string;
    expect(aToken).toBeTruthy();
    expect(aToken).not.toBe(b.cookies.get("cc_csrf"));
    // b's session with a's token, as cookie and header (what a sibling site could plant).
    const crossed = await env.app.inject({
      method: "POST",
      url: "/api/v1/me/sessions/revoke-others",
      headers: {
        cookie: `cc_session=${b.cookies.get("cc_session")}; cc_csrf=${aToken}`,
        "x-csrf-token": aToken,
      },
    });
    expect(crossed.statusCode).toBe(403);
    expect(JSON.parse(crossed.body).error.code).toBe("CSRF_INVALID");
    const madeUp = await env.app.inject({
      method: "POST",
      url: "/api/v1/me/sessions/revoke-others",
      headers: {
        cookie: `cc_session=${b.cookies.get("cc_session")}; cc_csrf=chosen`,
        "x-csrf-token": "chosen",
      },
    });
    expect(madeUp.statusCode).toBe(403);
    // Without a session, a made-up pair is refused as well: tokens come from the server.
    const anon = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      headers: { cookie: "cc_csrf=chosen", "x-csrf-token": "chosen" },
      payload: { identifier: "someone@example.vn" },
    });
    expect(anon.statusCode).toBe(403);
    // Each one's own token still works.
    expect((await b.post("/api/v1/me/sessions/revoke-others")).status).toBe(200);
    expect((await a.post("/api/v1/me/sessions/revoke-others")).status).toBe(200);
  });

  it("hands out the token of the current session at /auth/csrf", async () => {
    const client = await signIn(env, await newAccount(env));
    const res = await client.get("/api/v1/auth/csrf");
    expect(res.body.csrfToken).toBe(client.cookies.get("cc_csrf"));
    client.cookies.delete("cc_csrf");
    const again = await client.get("/api/v1/auth/csrf");
    expect(again.body.csrfToken).toBe(res.body.csrfToken);
  });
});

async function enrolTotp(p: { email: string; password: string }) {
  const client = await signIn(env, p);
  const setup = await client.post("/api/v1/me/totp/setup");
  const secret = setup.body.secret as string;
  await client.post("/api/v1/me/totp/enable", { code: generateSync({ secret }) });
  return { secret };
}

describe("sessions", () => {
  it("lists the person's sessions and revokes another one, which is then signed out", async () => {
    const p = await newAccount(env);
    const laptop = await signIn(env, p);
    const phone = await signIn(
      env,
      p,
      new Client(env.app, { userAgent: "Mozilla/5.0 (iPhone) Safari/604.1" }),
    );
    const list = await laptop.get("/api/v1/me/sessions");
    expect(list.body.items).toHaveLength(2);
    const phoneSession = list.body.items.find((s: { current: boolean }) => !s.current);
    expect((await laptop.delete(`/api/v1/me/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get("/api/v1/auth/me")).status).toBe(401);
    expect((await laptop.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("does not let one person revoke another's session", async () => {
    const a = await signIn(env, await newAccount(env));
    const b = await signIn(env, await newAccount(env));
    const bSession = (await b.get("/api/v1/me/sessions")).body.items[0].id;
    expect((await a.delete(`/api/v1/me/sessions/${bSession}`)).status).toBe(404);
    expect((await b.get("/api/v1/auth/me")).status).toBe(200);
  });

  it("signs out every other session", async () => {
    const p = await newAccount(env);
    const one = await signIn(env, p);
    const two = await signIn(env, p);
    const res = await one.post("/api/v1/me/sessions/revoke-others");
    expect(res.body.revoked).toBe(1);
    expect((await two.get("/api/v1/auth/me")).status).toBe(401);
  });

  it("signs out", async () => {
    const client = await signIn(env, await newAccount(env));
    expect((await client.post("/api/v1/auth/sign-out")).status).toBe(204);
    expect((await client.get("/api/v1/auth/me")).status).toBe(401);
  });
});

describe("authenticator app (TOTP)", () => {
  it("needs re-confirmation to set up, a code to enable, and then asks for it at sign-in", async () => {
    const p = await newAccount(env);
    const client = await signIn(env, p);
    await env.db.owner.execute(
      sql`update sessions set reauth_at = now() - interval '1 hour' where account_id = ${p.accountId}`,
    );
    env.app.platform.sessionCache.forget();
    const refused = await client.post("/api/v1/me/totp/setup");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("REAUTH_REQUIRED");
    expect((await client.post("/api/v1/auth/reauth", { password: "wrong-pass-1" })).status).toBe(401);
    expect((await client.post("/api/v1/auth/reauth", { password: PASSWORD })).status).toBe(200);
    const setup = await client.post("/api/v1/me/totp/setup");
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toContain("otpauth://totp/");
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await client.post("/api/v1/me/totp/enable", { code: "000000" })).body.error.code).toBe(
      "TOTP_INVALID",
    );
    const enabled = await client.post("/api/v1/me/totp/enable", {
      code: generateSync({ secret: setup.body.secret }),
    });
    expect(enabled.body.account.totpEnabled).toBe(true);

    const fresh = new Client(env.app);
    const first = await fresh.post("/api/v1/auth/sign-in", signInBody(p));
    expect(first.body.status).toBe("totp_required");
    expect((await fresh.post("/api/v1/auth/totp/verify", { code: "000000" })).body.error.code).toBe(
      "TOTP_INVALID",
    );
    const ok = await fresh.post("/api/v1/auth/totp/verify", {
      code: generateSync({ secret: setup.body.secret }),
    });
    expect(ok.body.status).toBe("signed_in");
  });
});

describe("password reset", () => {
  it("resets with a mailed code, signs out everywhere and lifts a lockout", async () => {
    const p = await newAccount(env);
    const session = await signIn(env, p);
    const anon = new Client(env.app);
    const forgot = await anon.post("/api/v1/auth/password/forgot", { identifier: p.email });
    expect(forgot.status).toBe(202);
    const unknown = await anon.post("/api/v1/auth/password/forgot", { identifier: "ghost@example.vn" });
    expect(unknown.status).toBe(202);
    const code = await env.smtp.codeFor(p.email);
    const weak = await anon.post("/api/v1/auth/password/reset", {
      identifier: p.email,
      code,
      newPassword: "onlyletters",
    });
    expect(weak.status).toBe(400);
    const reset = await anon.post("/api/v1/auth/password/reset", {
      identifier: p.email,
      code,
      newPassword: "New-pass-2027",
    });
    expect(reset.status).toBe(204);
    expect((await session.get("/api/v1/auth/me")).status).toBe(401);
    expect(
      (await signIn(env, { email: p.email, password: "New-pass-2027" }).then((c) => c.get("/api/v1/auth/me")))
        .status,
    ).toBe(200);
  });
});
