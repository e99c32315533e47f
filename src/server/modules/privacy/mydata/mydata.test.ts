import { describe, expect, it } from "vitest";
import {
  admin,
  env,
  insertNotice,
  setUpPrivacyCompany,
  unitInBuilding,
} from "../../../../../test/helpers/privacy-center.js";
import { newResident } from "../../../../../test/helpers/residents.js";

setUpPrivacyCompany();

describe("my data and export", () => {
  it("lists every field the database holds about the person, and the export holds exactly that", async () => {
    const unit = await unitInBuilding("P-03.01");
    const r = await newResident(env, admin, unit, {
      fullName: "Phạm Minh Quân",
      email: "quan.pham@example.vn",
      phone: "0912345671",
      dateOfBirth: "1990-04-12",
      idNumber: "079090001234",
    });
    await admin.post(`/api/v1/units/${unit}/vehicles`, {
      residentId: r.residentId,
      type: "car",
      plate: "51K-123.45",
    });
    await admin.post(`/api/v1/units/${unit}/household/${r.memberId}/cards`, {
      kind: "access",
      number: "TH-0091",
    });
    await insertNotice(unit, "Phạm Minh Quân", "paid", "2026-10");
    // A conversation with the management, and choices about being notified.
    await r.client.post("/api/v1/me/conversations", {
      unitId: unit,
      topic: "Cửa thoát hiểm kẹt",
      message: "Cửa thoát hiểm tầng 3 bị kẹt.",
    });
    await r.client.put("/api/v1/me/notification-preferences", {
      categories: [{ category: "maintenance", channels: { email: true } }],
      quietHours: { from: "22:00", to: "06:00" },
    });

    const mine = await r.client.get("/api/v1/my/data");
    expect(mine.status).toBe(200);
    const [record] = mine.body.records;
    const shown = Object.fromEntries(
      record.fields.map((f: { field: string; value: string }) => [f.field, f.value]),
    );
    expect(shown).toEqual({
      "resident.fullName": "Phạm Minh Quân",
      "resident.phone": "0912345671",
      "resident.email": "quan.pham@example.vn",
      "resident.dateOfBirth": "1990-04-12",
      "resident.idNumber": "079090001234",
      "resident.preferredLang": "vi",
    });
    // Every non-empty personal column of the resident's row is on the page (encrypted ones decrypted).
    const [row] = await env.db.ownerSql
      .query<Record<string, unknown>>(
        "select full_name, phone_enc, email_enc, date_of_birth_enc, id_number_enc, nationality, contact_address, preferred_lang from residents where id = $1",
        [r.residentId],
      )
      .then((x) => x.rows);
    const held = Object.entries(row ?? {}).filter(([, v]) => v !== null).length;
    expect(record.fields).toHaveLength(held);
    expect(record.vehicles).toEqual([expect.objectContaining({ plate: "51K-123.45", type: "car" })]);
    expect(record.accessCards).toEqual([expect.objectContaining({ number: "TH-0091" })]);
    expect(record.invoices).toEqual([
      expect.objectContaining({ period: "2026-10", billTo: "Phạm Minh Quân" }),
    ]);
    expect(mine.body.account).toMatchObject({
      displayName: expect.any(String),
      email: "quan.pham@example.vn",
    });
    expect(mine.body.account.sessions.length).toBeGreaterThan(0);
    expect(mine.body.conversations).toEqual([
      expect.objectContaining({
        topic: "Cửa thoát hiểm kẹt",
        messages: [
          expect.objectContaining({ fromStaff: false, body: "Cửa thoát hiểm tầng 3 bị kẹt.", photos: 0 }),
        ],
      }),
    ]);
    expect(mine.body.notifications).toMatchObject({
      choices: { "maintenance.email": true },
      quietHours: { from: "22:00", to: "06:00" },
      devices: [],
    });

    const link = await r.client.post("/api/v1/privacy/exports", { format: "json" });
    expect(link.status).toBe(201);
    expect(await admin.get(link.body.url).then((x) => x.status)).toBe(404);
    const file = await r.client.get(link.body.url);
    expect(file.status).toBe(200);
    expect(file.headers["content-disposition"]).toMatch(/attachment; filename="du-lieu-cua-toi-.*\.json"/);
    const exported = JSON.parse(file.raw.toString("utf8"));
    const { generatedAt, ...rest } = exported;
    expect(generatedAt).toEqual(expect.any(String));
    expect(rest).toEqual((await r.client.get("/api/v1/my/data")).body);

    const html = await r.client.post("/api/v1/privacy/exports", { format: "html" });
    const page = await r.client.get(html.body.url);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    for (const value of [
      "Phạm Minh Quân",
      "0912345671",
      "079090001234",
      "51K-123.45",
      "TH-0091",
      "Cửa thoát hiểm tầng 3 bị kẹt.",
      "22:00–06:00",
    ]) {
      expect(page.raw.toString("utf8")).toContain(value);
    }
    await env.db.ownerSql.query("update data_exports set expires_at = now() - interval '1 minute'");
    expect((await r.client.get(link.body.url)).body.error.code).toBe("EXPORT_EXPIRED");
  });

  it("lets the person correct their own record but not someone else's", async () => {
    const unit = await unitInBuilding("P-03.02");
    const r = await newResident(env, admin, unit, {
      fullName: "Trần Văn Bình",
      email: "binh.tran@example.vn",
    });
    const other = await newResident(env, admin, unit, {
      fullName: "Trần Thị Cúc",
      email: "cuc.tran@example.vn",
      role: "member",
    });
    const fixed = await r.client.patch(`/api/v1/my/data/${r.residentId}`, { phone: "0987 654 321" });
    expect(fixed.status).toBe(200);
    const phone = fixed.body.records[0].fields.find((f: { field: string }) => f.field === "resident.phone");
    expect(phone.value).toBe("0987654321");
    expect(
      (await r.client.patch(`/api/v1/my/data/${other.residentId}`, { phone: "0987654322" })).status,
    ).toBe(404);
    expect((await r.client.patch(`/api/v1/my/data/${r.residentId}`, { phone: "12" })).status).toBe(400);
  });
});
