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
      ...building("Toà điều khiển"),
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
      ...building(`  Toà\tTab ${Date.now()}  `),
      address: " 1 Lê Lợi\nQuận 1 \n",
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toMatch(/^Toà\tTab \d+$/);
    expect(res.body.address).toBe("1 Lê Lợi\nQuận 1");
  });

  it("a name typed with combining diacritics collides with the precomposed one (unique constraint)", async () => {
    const name = `Toà ${NGUYEN_NFC} ${Date.now()}`;
    const first = await admin.post("/api/v1/buildings", building(name));
    expect(first.status).toBe(201);
    const second = await admin.post("/api/v1/buildings", building(name.replace(NGUYEN_NFC, NGUYEN_NFD)));
    expect(second.status).toBe(409);
    expect(second.body.error.details.fields).toEqual({ name: expect.any(String) });
  });

  it("a search typed either way finds a name stored either way", async () => {
    const tag = `${Date.now()}`;
    const created = await admin.post("/api/v1/buildings", building(`Toà ${NGUYEN_NFD} ${tag}`));
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(`Toà ${NGUYEN_NFC} ${tag}`);
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
