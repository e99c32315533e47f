import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newBuilding, newMember, signIn } from "../../../../test/helpers/builders.js";
import { Client } from "../../../../test/helpers/client.js";

/**
 * The HTTP edge: what every request goes through before a module sees it — string cleaning, the error
 * shape of framework refusals, authentication before the body is read, HEAD and static files.
 */
let env: TestEnv;
let admin: Client;
let companyId: string;

beforeAll(async () => {
  env = await startTestApp();
  ({ companyId } = await newBuilding(env));
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
});

const NUL = "\u0000";
// "Nguyễn" typed two ways: precomposed (NFC, as most keyboards) and decomposed (NFD, as macOS file names and
// some Vietnamese input methods send it): e + circumflex + tilde as three code points.
const NGUYEN_NFC = "Nguy\u1EC5n";
const NGUYEN_NFD = "Nguye\u0302\u0303n";
const building = (name: string) => ({
  name,
  address: "12 Nguyễn Huệ, Quận 1",
  blocks: [{ name: "A", floors: 5 }],
});

describe("text input is cleaned at the edge", () => {
  it("the two spellings of Nguyễn are different strings before normalisation", () => {
    expect(NGUYEN_NFC).not.toBe(NGUYEN_NFD);
    expect(NGUYEN_NFD.normalize("NFC")).toBe(NGUYEN_NFC);
  });

  it("refuses a NUL in a search with a 400 naming the field", async () => {
    const res = await admin.get("/api/v1/buildings", { q: `a${NUL}b` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(res.body.error.details.fields)).toEqual(["querystring.q"]);
  });

  it("refuses control characters in a body field, naming the nested field", async () => {
    const res = await admin.post("/api/v1/buildings", {
      ...building("Tòa điều khiển"),
      blocks: [{ name: `B\u0007`, floors: 3 }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details.fields)).toEqual(["blocks.0.name"]);
    expect(res.body.error.details.fields["blocks.0.name"]).toMatch(/ký tự điều khiển/);
  });

  it("refuses a NUL in a path parameter with a 400, not a 500", async () => {
    const res = await admin.get(`/api/v1/buildings/${encodeURIComponent(`x${NUL}`)}`);
    expect(res.status).toBe(400);
  });

  it("keeps tabs and newlines, trims the ends", async () => {
    const res = await admin.post("/api/v1/buildings", {
      ...building(`  Tòa\tTab ${Date.now()}  `),
      address: " 1 Lê Lợi\nQuận 1 \n",
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toMatch(/^Tòa\tTab \d+$/);
    expect(res.body.address).toBe("1 Lê Lợi\nQuận 1");
  });

  it("a name typed with combining diacritics collides with the precomposed one (unique constraint)", async () => {
    const name = `Tòa ${NGUYEN_NFC} ${Date.now()}`;
    const first = await admin.post("/api/v1/buildings", building(name));
    expect(first.status).toBe(201);
    const second = await admin.post("/api/v1/buildings", building(name.replace(NGUYEN_NFC, NGUYEN_NFD)));
    expect(second.status).toBe(409);
    expect(second.body.error.details.fields).toEqual({ name: expect.any(String) });
  });

  it("a search typed either way finds a name stored either way", async () => {
    const tag = `${Date.now()}`;
    const created = await admin.post("/api/v1/buildings", building(`Tòa ${NGUYEN_NFD} ${tag}`));
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(`Tòa ${NGUYEN_NFC} ${tag}`);
    for (const q of [`${NGUYEN_NFC} ${tag}`, `${NGUYEN_NFD} ${tag}`]) {
      const found = await admin.get("/api/v1/buildings", { q });
      expect(found.status).toBe(200);
      expect(found.body.items.map((b: { id: string }) => b.id)).toEqual([created.body.id]);
    }
  });

  it("leaves passwords as typed (no trimming): a password with spaces at its ends still signs in", async () => {
    const person = await newMember(env, "company_admin", { companyId });
    const client = await signIn(env, person);
    await client.post("/api/v1/auth/reauth", { password: person.password });
    const changed = await client.post("/api/v1/me/password", {
      currentPassword: person.password,
      newPassword: "  Spaced-2026  ",
    });
    expect(changed.status).toBeLessThan(300);
    const again = new Client(env.app);
    const res = await again.post("/api/v1/auth/sign-in", {
      identifier: person.email,
      password: "  Spaced-2026  ",
    });
    expect(res.status).toBe(200);
  });
});

/** The DESIGN §4 error shape, exactly: code, message and details, nothing else. */
function expectErrorShape(body: unknown) {
  expect(body).toEqual({
    error: { code: expect.any(String), message: expect.any(String), details: expect.any(Object) },
  });
}

describe("every error answer has the error shape, in the caller's language", () => {
  it("414 for a path parameter that is too long", async () => {
    const url = `/api/v1/buildings/${"a".repeat(5000)}`;
    const vi = await admin.get(url);
    expect(vi.status).toBe(414);
    expectErrorShape(vi.body);
    expect(vi.body.error.code).toBe("URI_TOO_LONG");
    expect(vi.body.error.message).toMatch(/quá dài/);
    const en = await new Client(env.app, { lang: "en" }).get(url);
    expect(en.status).toBe(414);
    expect(en.body.error.message).toMatch(/too long/);
  });

  it("413 for a body that is too large, with a message about its size", async () => {
    const res = await admin.post("/api/v1/buildings", { ...building("x"), address: "x".repeat(2_000_000) });
    expect(res.status).toBe(413);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.body.error.message).toMatch(/quá lớn.*1 MB/);
    expect(res.body.error.message).not.toMatch(/đánh dấu/);
  });

  it("400 for malformed JSON, 415 for a type no route reads, 404 for no route", async () => {
    const bad = await admin.request("POST", "/api/v1/buildings", '{"name":', {
      "content-type": "application/json",
    });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
    expect(bad.body.error.code).toBe("BODY_MALFORMED");
    const type = await admin.request("POST", "/api/v1/buildings", "<x/>", {
      "content-type": "application/xml",
    });
    expect(type.status).toBe(415);
    expectErrorShape(type.body);
    expect(type.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const none = await admin.get("/api/v1/no-such-route");
    expect(none.status).toBe(404);
    expectErrorShape(none.body);
  });

  it("401 and 403 carry details too", async () => {
    const anon = await new Client(env.app).get("/api/v1/buildings");
    expect(anon.status).toBe(401);
    expectErrorShape(anon.body);
  });

  it("a field a service requires is worded in the caller's language, never a bare 'required'", async () => {
    const vi = await admin.get("/api/v1/invoices");
    expect(vi.status).toBe(400);
    expect(vi.body.error.details.fields).toEqual({ buildingId: "Bắt buộc nhập." });
    const enAdmin = await signIn(
      env,
      await newMember(env, "company_admin", { companyId }),
      new Client(env.app, { lang: "en" }),
    );
    await enAdmin.patch("/api/v1/me", { lang: "en" });
    const en = await enAdmin.get("/api/v1/invoices");
    expect(en.body.error.details.fields).toEqual({ buildingId: "Required." });
  });
});

/** A real socket: what the server answers while the client has sent only part of a body it announced. */
let listening: Promise<unknown> | undefined;
async function partialUpload(path: string, announced: number, sent: number, headers: Record<string, string>) {
  listening ??= env.app.listen({ port: 0, host: "127.0.0.1" });
  await listening;
  const { port } = env.app.server.address() as AddressInfo;
  return new Promise<{ status: number | null; body: string; sentBeforeAnswer: number }>((resolve) => {
    let written = 0;
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: {
          "content-type": "application/octet-stream",
          "content-length": String(announced),
          ...headers,
        },
      },
      (res) => {
        const sentBeforeAnswer = written;
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? null, body, sentBeforeAnswer });
        });
      },
    );
    req.on("error", () => resolve({ status: null, body: "", sentBeforeAnswer: written }));
    const chunk = Buffer.alloc(64 * 1024, 120);
    while (written < sent) {
      req.write(chunk);
      written += chunk.length;
    }
    // The rest of the announced body never comes: a server that waits for it never answers.
    setTimeout(() => {
      req.destroy();
      resolve({ status: null, body: "", sentBeforeAnswer: written });
    }, 3000);
  });
}

describe("authentication is decided before the body is read", () => {
  it("refuses an anonymous 40 MB upload (with a valid anonymous CSRF token) without waiting for its body", async () => {
    const { buildingId } = await newBuilding(env, companyId);
    // The server's own token for a caller without a session, so only the missing sign-in can refuse it.
    const { csrfToken } = (await env.app.inject({ method: "GET", url: "/api/v1/auth/csrf" })).json();
    const res = await partialUpload(`/api/v1/buildings/${buildingId}/import`, 40 * 1024 * 1024, 256 * 1024, {
      cookie: `cc_csrf=${csrfToken}`,
      "x-csrf-token": csrfToken,
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses a signed-in person without the permission before the body too", async () => {
    const resident = await signIn(env, await newMember(env, "resident", { companyId }));
    const { buildingId } = await newBuilding(env, companyId);
    const cookie = [...resident.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await partialUpload(`/api/v1/buildings/${buildingId}/import`, 40 * 1024 * 1024, 256 * 1024, {
      cookie,
      "x-csrf-token": resident.cookies.get("cc_csrf") ?? "",
    });
    expect(res.status).toBe(403);
  });
});
