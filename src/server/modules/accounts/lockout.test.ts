import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newAccount, newBuilding, newMember, PASSWORD, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
});

const mailsTo = (to: string) => env.smtp.mails.filter((m) => m.to.includes(to)).length;

describe("one-time code quotas (issue 11, item 7)", () => {
  it("keeps the victim's correct sign-in working after a flood of anonymous reset requests", async () => {
    const victim = await newAccount(env);
    // Twelve anonymous requests from twelve addresses: the per-IP limit never trips, only the identifier's.
    for (let i = 0; i < 12; i++) {
      const anon = new Client(env.app, { ip: `198.51.100.${i + 1}` });
      const res = await anon.post("/api/v1/auth/password/forgot", { identifier: victim.email });
      expect(res.status).toBe(202);
    }
    // The inbox receives at most 3 reset mails in the hour (the per-identifier quota), not 12.
    await new Promise((r) => setTimeout(r, 100));
    expect(mailsTo(victim.email)).toBeLessThanOrEqual(3);
    expect(mailsTo(victim.email)).toBeGreaterThan(0);

    const client = new Client(env.app);
    const first = await client.post("/api/v1/auth/sign-in", { identifier: victim.email, password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("otp_required");
    const ok = await client.post("/api/v1/auth/otp/verify", { code: await env.smtp.codeFor(victim.email) });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("signed_in");
  });

  it("counts reset codes per identifier: the fourth request in the hour sends nothing", async () => {
    const p = await newAccount(env);
    const anon = new Client(env.app);
    for (let i = 0; i < 3; i++) await anon.post("/api/v1/auth/password/forgot", { identifier: p.email });
    expect(mailsTo(p.email)).toBe(3);
    expect((await anon.post("/api/v1/auth/password/forgot", { identifier: p.email })).status).toBe(202);
    await new Promise((r) => setTimeout(r, 100));
    expect(mailsTo(p.email)).toBe(3);
  });

  it("keeps re-confirmation codes apart from sign-in codes", async () => {
    const p = await newAccount(env);
    const session = await signIn(env, p);
    let refused = 0;
    for (let i = 0; i < 12; i++) {
      const res = await session.post("/api/v1/auth/reauth/code", {});
      if (res.status === 429) refused++;
    }
    expect(refused).toBeGreaterThan(0); // re-confirmation has its own quota
    const other = new Client(env.app);
    const first = await other.post("/api/v1/auth/sign-in", { identifier: p.email, password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("otp_required");
  });
});

describe("a lockout set off by someone else (issue 11, item 7)", () => {
  it("still lets the person in from their remembered browser; a wrong password there spends its exemption", async () => {
    const p = await newAccount(env);
    const home = new Client(env.app);
    await home.post("/api/v1/auth/sign-in", { identifier: p.email, password: PASSWORD });
    await home.post("/api/v1/auth/otp/verify", {
      code: await env.smtp.codeFor(p.email),
      rememberDevice: true,
    });
    await home.post("/api/v1/auth/sign-out");

    const attacker = new Client(env.app, { ip: "203.0.113.66" });
    for (let i = 0; i < 5; i++)
      await attacker.post("/api/v1/auth/sign-in", { identifier: p.email, password: `guess-${i}-x1` });
    const elsewhere = await new Client(env.app).post("/api/v1/auth/sign-in", {
      identifier: p.email,
      password: PASSWORD,
    });
    expect(elsewhere.status).toBe(429);

    const back = await home.post("/api/v1/auth/sign-in", { identifier: p.email, password: PASSWORD });
    expect(back.status).toBe(200);
    expect(back.body.status).toBe("signed_in");
    await home.post("/api/v1/auth/sign-out");

    // The exemption is no way around the lockout for someone holding the device cookie: one wrong guess
    // from that browser ends its trust, and the lockout applies to it again.
    for (let i = 0; i < 5; i++)
      await attacker.post("/api/v1/auth/sign-in", { identifier: p.email, password: `guess-${i}-x2` });
    expect(
      (await home.post("/api/v1/auth/sign-in", { identifier: p.email, password: "wrong-pass-9" })).status,
    ).toBe(401);
    const spent = await home.post("/api/v1/auth/sign-in", { identifier: p.email, password: PASSWORD });
    expect(spent.status).toBe(429);
  });
});

describe("password re-confirmation shares the sign-in lockout (issue 11, item 8)", () => {
  const change = (c: Client, currentPassword: string) =>
    c.post("/api/v1/me/password", { currentPassword, newPassword: "Another-pass-2027" });

  it("locks after 5 wrong current passwords: then even the right one is refused, and sign-in too", async () => {
    const p = await newAccount(env);
    const session = await signIn(env, p);
    for (let i = 0; i < 5; i++) expect((await change(session, `wrong-guess-${i}`)).status).toBe(400);
    const right = await change(session, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe("ACCOUNT_LOCKED");
    const reauth = await session.post("/api/v1/auth/reauth", { password: PASSWORD });
    expect(reauth.status).toBe(429);
    expect(reauth.body.error.code).toBe("ACCOUNT_LOCKED");
    const fresh = await new Client(env.app).post("/api/v1/auth/sign-in", {
      identifier: p.email,
      password: PASSWORD,
    });
    expect(fresh.status).toBe(429);
    expect(fresh.body.error.code).toBe("ACCOUNT_LOCKED");
  });

  it("adds failures from every re-confirmation (password change, reauth, invitation) into one count", async () => {
    const p = await newAccount(env);
    const session = await signIn(env, p);
    expect((await change(session, "wrong-guess-1")).status).toBe(400);
    expect((await session.post("/api/v1/auth/reauth", { password: "wrong-guess-2" })).status).toBe(401);
    // An invitation accepted by an existing account is a password check too.
    const { companyId } = await newBuilding(env);
    const admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
    await admin.post("/api/v1/staff/invitations", {
      contact: p.email,
      displayName: "Kỹ thuật",
      role: "technician",
    });
    const mail = env.smtp.mails.findLast((m) => m.to.includes(p.email));
    const token = (mail?.raw ?? "").replace(/=\r?\n/g, "").match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    const guest = new Client(env.app);
    for (let i = 0; i < 3; i++)
      expect(
        (await guest.post(`/api/v1/invitations/${token}/accept`, { password: `wrong-${i}-x1` })).status,
      ).toBe(401);
    const locked = await guest.post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("ACCOUNT_LOCKED");
  });
});
