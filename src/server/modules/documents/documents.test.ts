import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { uploadFile } from "../../../../test/helpers/files.js";
import { newResident } from "../../../../test/helpers/residents.js";

/*
 * The documents library through HTTP: a manager publishes the building's rules, minutes for owners, papers for
 * the board and for the staff; each resident sees what is for them (an owner the owners' minutes, a tenant
 * not; another building nothing), opens the file, and acknowledges the rules; a new version asks again. The
 * staff see who acknowledged. Another company gets 404 on all of it.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let manager: Client;
let admin: Client;
let board: Client;
let owner: Awaited<ReturnType<typeof newResident>>;
let tenant: Awaited<ReturnType<typeof newResident>>;
let elsewhere: Awaited<ReturnType<typeof newResident>>;

/** A one-page PDF of its own text, so that each file can be told from the others by its bytes. */
const pdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

async function upload(text: string) {
  const res = await uploadFile(manager, "document", `${text}.pdf`, pdf(text));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function publish(body: Record<string, unknown>) {
  const res = await manager.post("/api/v1/documents", {
    buildingId,
    category: "rules",
    title: "Nội quy",
    audience: "residents",
    fileId: await upload(String(body.title ?? "noi-quy")),
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; current: { version: number; file: { id: string } } };
}

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((d) => d.id);

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const home = await newUnit(env, { code: "D-03.01" });
  ({ companyId, buildingId } = home);
  const rented = await newUnit(env, { companyId, buildingId, code: "D-03.02" });
  const other = await newUnit(env, { companyId, code: "E-01.01" });
  admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  board = await signIn(env, await newMember(env, "owners_board", { companyId, buildingIds: [buildingId] }));
  const stamp = Date.now();
  owner = await newResident(env, admin, home.unitId, {
    fullName: "Lê Văn Chủ",
    email: `chu.${stamp}@example.vn`,
  });
  tenant = await newResident(env, admin, rented.unitId, {
    fullName: "Phan Thị Thuê",
    email: `thue.${stamp}@example.vn`,
    role: "tenant",
    leaseEndsOn: "2027-12-31",
  });
  elsewhere = await newResident(env, admin, other.unitId, {
    fullName: "Võ Văn Xa",
    email: `xa.${stamp}@example.vn`,
  });
});

describe("documents library", () => {
  it("shows each document to its audience only, the file included", async () => {
    const rules = await publish({ title: "Nội quy chung cư", requiresAck: true });
    const minutes = await publish({ title: "Biên bản họp", category: "minutes", audience: "owners" });
    const boardPaper = await publish({ title: "Dự toán", category: "other", audience: "board" });
    const staffPaper = await publish({ title: "Hợp đồng bảo vệ", category: "contract", audience: "staff" });

    const ownerSees = ids(await owner.client.get("/api/v1/documents"));
    expect(ownerSees).toEqual(expect.arrayContaining([rules.id, minutes.id]));
    expect(ownerSees).not.toContain(boardPaper.id);
    expect(ownerSees).not.toContain(staffPaper.id);
    const tenantSees = ids(await tenant.client.get("/api/v1/documents"));
    expect(tenantSees).toContain(rules.id);
    expect(tenantSees).not.toContain(minutes.id);
    expect((await tenant.client.get(`/api/v1/documents/${minutes.id}`)).status).toBe(404);
    expect(ids(await elsewhere.client.get("/api/v1/documents"))).not.toContain(rules.id);
    expect((await elsewhere.client.get(`/api/v1/documents/${rules.id}`)).status).toBe(404);
    const boardSees = ids(await board.get("/api/v1/documents"));
    expect(boardSees).toEqual(expect.arrayContaining([rules.id, minutes.id, boardPaper.id]));
    expect(boardSees).not.toContain(staffPaper.id);
    expect(ids(await manager.get("/api/v1/documents", { buildingId }))).toEqual(
      expect.arrayContaining([rules.id, minutes.id, boardPaper.id, staffPaper.id]),
    );

    const file = await owner.client.get(`/api/v1/documents/${rules.id}/files/${rules.current.file.id}`);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.raw.toString()).toContain("% Nội quy chung cư");
    expect(
      (await tenant.client.get(`/api/v1/documents/${minutes.id}/files/${minutes.current.file.id}`)).status,
    ).toBe(404);
  });

  it("asks residents to acknowledge the rules, counts who did, and asks again for a new version", async () => {
    const rules = await publish({ title: "Nội quy bể bơi", requiresAck: true });
    const pending = await owner.client.get("/api/v1/documents", { toAcknowledge: "true" });
    expect(ids(pending)).toContain(rules.id);
    const inbox = await owner.client.get("/api/v1/notifications", { page: 1, pageSize: 5 });
    expect(JSON.stringify(inbox.body)).toContain("Nội quy bể bơi");

    const acked = await owner.client.post(`/api/v1/documents/${rules.id}/acknowledge`);
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    expect(acked.body.acknowledgedAt).toEqual(expect.any(String));
    expect((await owner.client.post(`/api/v1/documents/${rules.id}/acknowledge`)).status).toBe(200);
    expect(ids(await owner.client.get("/api/v1/documents", { toAcknowledge: "true" }))).not.toContain(
      rules.id,
    );
    // Two accounts live in the building (the owner and the tenant): one of two has acknowledged.
    expect((await manager.get(`/api/v1/documents/${rules.id}`)).body.acknowledgements).toEqual({
      done: 1,
      audience: 2,
    });
    const who = await manager.get(`/api/v1/documents/${rules.id}/acknowledgements`);
    expect(who.body).toMatchObject({
      total: 1,
      items: [{ name: "Lê Văn Chủ", unitCode: "D-03.01", version: 1 }],
    });
    expect((await owner.client.get(`/api/v1/documents/${rules.id}/acknowledgements`)).status).toBe(403);
    expect((await manager.post(`/api/v1/documents/${rules.id}/acknowledge`)).status).toBe(403);

    const v2 = await manager.post(`/api/v1/documents/${rules.id}/versions`, {
      fileId: await upload("noi-quy-be-boi-v2"),
      note: "Thêm giờ bơi buổi tối",
    });
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    expect(v2.body.current).toMatchObject({ version: 2, note: "Thêm giờ bơi buổi tối" });
    expect(v2.body.acknowledgements).toEqual({ done: 0, audience: 2 });
    const again = await owner.client.get(`/api/v1/documents/${rules.id}`);
    expect(again.body.acknowledgedAt).toBeNull();
    expect(ids(await owner.client.get("/api/v1/documents", { toAcknowledge: "true" }))).toContain(rules.id);
    // The resident reads the version in force; the staff every version.
    expect(
      (await owner.client.get(`/api/v1/documents/${rules.id}/files/${rules.current.file.id}`)).status,
    ).toBe(404);
    expect(
      (
        await owner.client.get(`/api/v1/documents/${rules.id}/files/${v2.body.current.file.id}`)
      ).raw.toString(),
    ).toContain("noi-quy-be-boi-v2");
    expect((await manager.get(`/api/v1/documents/${rules.id}/files/${rules.current.file.id}`)).status).toBe(
      200,
    );
    expect(
      (await manager.get(`/api/v1/documents/${rules.id}/versions`)).body.items.map(
        (v: { version: number }) => v.version,
      ),
    ).toEqual([2, 1]);
    expect(
      (await owner.client.get(`/api/v1/documents/${rules.id}/versions`)).body.items.map(
        (v: { version: number }) => v.version,
      ),
    ).toEqual([2]);

    await owner.client.post(`/api/v1/documents/${rules.id}/acknowledge`);
    const mine = await owner.client.get("/api/v1/my/data");
    expect(mine.body.documentAcknowledgements).toEqual(
      expect.arrayContaining([
        { document: "Nội quy bể bơi", version: 1, acknowledgedAt: expect.any(String) },
        { document: "Nội quy bể bơi", version: 2, acknowledgedAt: expect.any(String) },
      ]),
    );
  });

  it("refuses what cannot be: acknowledgement for the staff's papers, a resident publishing, a version of an archived one", async () => {
    const staffOnly = await manager.post("/api/v1/documents", {
      buildingId,
      category: "contract",
      title: "Hợp đồng vệ sinh",
      audience: "staff",
      requiresAck: true,
      fileId: await upload("hop-dong"),
    });
    expect(staffOnly.status).toBe(400);
    expect(staffOnly.body.error.details.fields).toMatchObject({ requiresAck: expect.any(String) });
    const byResident = await owner.client.post("/api/v1/documents", {
      buildingId,
      category: "rules",
      title: "Nội quy của tôi",
      audience: "residents",
      fileId: "00000000-0000-4000-8000-000000000000",
    });
    expect(byResident.status).toBe(403);
    const someoneElsesFile = await manager.post("/api/v1/documents", {
      buildingId,
      category: "form",
      title: "Mẫu đơn",
      audience: "residents",
      fileId: (await uploadFile(admin, "document", "mau.pdf", pdf("mau"))).body.id,
    });
    expect(someoneElsesFile.status).toBe(422);

    const form = await publish({ title: "Mẫu đăng ký thi công", category: "form" });
    const archived = await manager.patch(`/api/v1/documents/${form.id}`, { archived: true });
    expect(archived.body.archived).toBe(true);
    expect(ids(await owner.client.get("/api/v1/documents"))).not.toContain(form.id);
    expect((await owner.client.get(`/api/v1/documents/${form.id}`)).status).toBe(404);
    expect(ids(await manager.get("/api/v1/documents", { archived: "true" }))).toContain(form.id);
    const version = await manager.post(`/api/v1/documents/${form.id}/versions`, {
      fileId: await upload("v2"),
    });
    expect(version.status).toBe(422);
    expect(version.body.error.code).toBe("DOCUMENT_ARCHIVED");
  });

  it("is another company's business: 404 on every document", async () => {
    const rules = await publish({ title: "Nội quy riêng", requiresAck: true });
    const { companyId: otherCompany } = await newUnit(env);
    const stranger = await signIn(env, await newMember(env, "company_admin", { companyId: otherCompany }));
    expect(ids(await stranger.get("/api/v1/documents"))).not.toContain(rules.id);
    const strangersFile = (await uploadFile(stranger, "document", "x.pdf", pdf("x"))).body.id;
    for (const [method, path, body] of [
      ["GET", `/api/v1/documents/${rules.id}`],
      ["PATCH", `/api/v1/documents/${rules.id}`, { title: "Của tôi" }],
      ["GET", `/api/v1/documents/${rules.id}/versions`],
      ["GET", `/api/v1/documents/${rules.id}/files/${rules.current.file.id}`],
      ["GET", `/api/v1/documents/${rules.id}/acknowledgements`],
      ["POST", `/api/v1/documents/${rules.id}/versions`, { fileId: strangersFile }],
    ] as const) {
      const res = await stranger.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});
