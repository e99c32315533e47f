import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { uploadFile } from "../../../../test/helpers/files.js";
import { newResident } from "../../../../test/helpers/residents.js";
import { createLogger } from "../../platform/log/logger.js";
import { removeUnclaimed } from "./files.service.js";

let env: TestEnv;
let admin: Client;
let resident: Client;
let neighbour: Client;
let buildingId: string;
let unitId: string;
const stamp = Date.now();

/** A phone photo as phones send it: a JPEG whose EXIF says where it was taken. */
const geotagged = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 15" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "21/1 1/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "105/1 51/1 0/1",
      },
    })
    .jpeg()
    .toBuffer();
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  const unit = await newUnit(env, { code: "C-05.02", block: "C", floor: 5 });
  ({ buildingId, unitId } = unit);
  admin = await signIn(env, await newMember(env, "company_admin", { companyId: unit.companyId }));
  resident = (
    await newResident(env, admin, unitId, { fullName: "Mai Anh", email: `mai.${stamp}@example.vn` })
  ).client;
  const elsewhere = await newUnit(env, { companyId: unit.companyId });
  neighbour = (
    await newResident(env, admin, elsewhere.unitId, {
      fullName: "Phan Bình",
      email: `binh.${stamp}@example.vn`,
    })
  ).client;
});

describe("files", () => {
  it("attaches a PDF and a photo to an announcement; the photo keeps no EXIF and no location", async () => {
    const photo = await uploadFile(admin, "announcement", "hiện trường.jpg", await geotagged());
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ kind: "image", contentType: "image/jpeg", width: 1600, height: 1200 });
    const pdf = await uploadFile(admin, "announcement", "lich-cat-nuoc.pdf", PDF);
    expect(pdf.body).toMatchObject({ kind: "pdf", contentType: "application/pdf", size: PDF.length });
    const sent = await admin.post(`/api/v1/buildings/${buildingId}/announcements`, {
      title: "Bảo trì thang máy",
      body: "Sơ đồ và lịch đính kèm.",
      attachments: [photo.body.id, pdf.body.id],
    });
    expect(sent.status).toBe(201);

    const feed = await resident.get("/api/v1/me/announcements");
    const item = feed.body.items.find((i: { title: string }) => i.title === "Bảo trì thang máy");
    expect(item.attachments.map((a: { name: string }) => a.name)).toEqual([
      "hiện trường.jpg",
      "lich-cat-nuoc.pdf",
    ]);
    const base = `/api/v1/me/announcements/${item.id}/files`;
    const image = await resident.get(`${base}/${photo.body.id}`);
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    const meta = await sharp(image.raw).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([1600, 1200, undefined]);
    expect(image.raw.includes(Buffer.from("Exif"))).toBe(false);
    expect(image.raw.includes(Buffer.from("PhoneMaker"))).toBe(false);
    const thumbnail = await resident.get(`${base}/${photo.body.id}`, { variant: "thumbnail" });
    expect((await sharp(thumbnail.raw).metadata()).width).toBe(320);
    const document = await resident.get(`${base}/${pdf.body.id}`);
    expect(document.raw.equals(PDF)).toBe(true);
    expect(document.headers["content-disposition"]).toBe("inline; filename*=UTF-8''lich-cat-nuoc.pdf");

    // Someone it was not sent to, and staff of the console route, see it only where they may.
    expect((await neighbour.get(`${base}/${photo.body.id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/announcements/${item.id}/files/${pdf.body.id}`)).status).toBe(200);
    const other = await signIn(env, await newMember(env, "company_admin"));
    expect((await other.get(`/api/v1/announcements/${item.id}/files/${pdf.body.id}`)).status).toBe(404);
  });

  it("refuses what is not what it says, what is too large, and a resident's announcement upload", async () => {
    const html = await uploadFile(
      admin,
      "announcement",
      "anh.jpg",
      Buffer.from("<html><script>alert(1)</script></html>"),
    );
    expect(html.status).toBeGreaterThanOrEqual(400);
    expect(html.status).toBeLessThan(500);
    expect(html.body.error.code).toBe("UPLOAD_TYPE_REFUSED");
    const big = await uploadFile(
      admin,
      "announcement",
      "lon.pdf",
      Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]),
    );
    expect(big.status).toBe(413);
    expect((await uploadFile(resident, "announcement", "x.pdf", PDF)).status).toBe(403);
    // A message takes photos only.
    expect((await uploadFile(resident, "conversation", "x.pdf", PDF)).body.error.code).toBe(
      "UPLOAD_TYPE_REFUSED",
    );
  });

  it("sends photos in a conversation, seen by its resident and the management only", async () => {
    const photo = await uploadFile(resident, "conversation", "ro-ri.jpg", await geotagged());
    const opened = await resident.post("/api/v1/me/conversations", {
      unitId,
      topic: "Rò rỉ nước",
      message: "Trần nhà tắm bị thấm.",
      photos: [photo.body.id],
    });
    expect(opened.status).toBe(201);
    const [first] = opened.body.messages;
    expect(first.photos).toHaveLength(1);
    const url = `/api/v1/conversations/${opened.body.id}/files/${photo.body.id}`;
    expect((await resident.get(url)).status).toBe(200);
    expect((await admin.get(url, { variant: "thumbnail" })).headers["content-type"]).toBe("image/jpeg");
    expect((await neighbour.get(url)).status).toBe(404);
    // A photo already sent cannot be claimed again, by anyone.
    const again = await neighbour.post("/api/v1/me/conversations", {
      unitId,
      topic: "Lấy ảnh",
      message: "Thử",
      photos: [photo.body.id],
    });
    expect([404, 422]).toContain(again.status);
    const mine = await resident.post(`/api/v1/conversations/${opened.body.id}/messages`, {
      body: "Ảnh cũ",
      photos: [photo.body.id],
    });
    expect(mine.body.error.code).toBe("FILES_UNAVAILABLE");
  });

  it("previews an upload to its uploader only, and removes it when nothing claimed it within a day", async () => {
    const photo = await uploadFile(resident, "conversation", "nhap.jpg", await geotagged());
    expect((await resident.get(`/api/v1/files/${photo.body.id}`)).status).toBe(200);
    expect((await neighbour.get(`/api/v1/files/${photo.body.id}`)).status).toBe(404);
    await removeUnclaimed(
      env.db,
      env.app.platform,
      createLogger("silent"),
      new Date(Date.now() + 25 * 3600_000),
    );
    expect((await resident.get(`/api/v1/files/${photo.body.id}`)).status).toBe(404);
    const { rows } = await env.db.ownerSql.query("select 1 from files where id = $1", [photo.body.id]);
    expect(rows).toEqual([]);
  });
});
