import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { newMember, newUnit, signIn } from "../../../../test/helpers/builders.js";
import type { Client } from "../../../../test/helpers/client.js";
import { newResident } from "../../../../test/helpers/residents.js";

/*
 * Surveys through HTTP: sent to an audience, answered once per person or per unit, results counted per
 * question; an anonymous survey's answers hold no person, unit or time anywhere in the database; a promotional
 * survey reaches only those with marketing consent; another company sees none of it.
 */

let env: TestEnv;
let companyId: string;
let buildingId: string;
let unitId: string;
let manager: Client;
type Person = Awaited<ReturnType<typeof newResident>>;
let an: Person;
let binh: Person;
let cuong: Person;

const questions = [
  { id: "clean", kind: "single", text: "Hành lang có sạch không?", options: ["Sạch", "Tạm được", "Bẩn"] },
  {
    id: "wants",
    kind: "multiple",
    text: "Bạn muốn thêm tiện ích nào?",
    options: ["Gym", "Hồ bơi", "Sân chơi"],
  },
  { id: "score", kind: "scale", text: "Chấm điểm Ban quản lý", max: 5 },
  { id: "note", kind: "text", text: "Góp ý khác" },
];

beforeAll(async () => {
  env = await startTestApp({ signInPerMinute: 1000 });
  ({ companyId, buildingId, unitId } = await newUnit(env, { code: "S-01.01" }));
  const admin = await signIn(env, await newMember(env, "company_admin", { companyId }));
  manager = await signIn(
    env,
    await newMember(env, "building_manager", { companyId, buildingIds: [buildingId] }),
  );
  const unit2 = (await newUnit(env, { companyId, buildingId, code: "S-01.02" })).unitId;
  an = await newResident(env, admin, unitId, { fullName: "Nguyễn An", email: `an.${Date.now()}@example.vn` });
  binh = await newResident(env, admin, unitId, {
    fullName: "Trần Bình",
    email: `binh.${Date.now()}@example.vn`,
    role: "member",
  });
  cuong = await newResident(env, admin, unit2, {
    fullName: "Lê Cường",
    email: `cuong.${Date.now()}@example.vn`,
  });
});

const create = (body: Record<string, unknown>) =>
  manager.post(`/api/v1/buildings/${buildingId}/surveys`, {
    title: "Khảo sát chất lượng dịch vụ",
    questions,
    ...body,
  });

const answer = (p: Person, id: string, answers: Record<string, unknown>, unit?: string) =>
  p.client.post(`/api/v1/me/surveys/${id}/answers`, { answers, ...(unit ? { unitId: unit } : {}) });

describe("a survey", () => {
  it("is answered once per person and counted per question", async () => {
    const made = await create({});
    expect(made.status).toBe(201);
    expect(made.body.survey).toMatchObject({ status: "open", sent: 3, responses: 0 });
    const id = made.body.survey.id;
    const mine = await an.client.get("/api/v1/me/surveys");
    expect(mine.body.items[0]).toMatchObject({ id, answered: false });

    expect(
      (await answer(an, id, { clean: "Sạch", wants: ["Gym", "Hồ bơi"], score: 5, note: "Tốt" })).status,
    ).toBe(201);
    expect((await answer(binh, id, { clean: "Bẩn", wants: ["Gym"], score: 2 })).status).toBe(201);
    const twice = await answer(an, id, { clean: "Bẩn", wants: ["Gym"], score: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("SURVEY_ANSWERED");
    expect((await an.client.get(`/api/v1/me/surveys/${id}`)).body.answered).toBe(true);

    // Hand counts: clean Sạch 1, Tạm được 0, Bẩn 1; wants Gym 2, Hồ bơi 1, Sân chơi 0; score (5 + 2) / 2 = 3.5.
    const results = await manager.get(`/api/v1/surveys/${id}`);
    expect(results.body.survey.responses).toBe(2);
    const [clean, wants, score, note] = results.body.questions;
    expect(clean.counts).toEqual([
      { label: "Sạch", count: 1 },
      { label: "Tạm được", count: 0 },
      { label: "Bẩn", count: 1 },
    ]);
    expect(wants.counts.map((c: { count: number }) => c.count)).toEqual([2, 1, 0]);
    expect(score).toMatchObject({ average: 3.5, answered: 2 });
    expect(score.counts.map((c: { count: number }) => c.count)).toEqual([0, 1, 0, 0, 1]);
    expect(note.texts).toEqual(["Tốt"]);

    const csv = await manager.get(`/api/v1/surveys/${id}/export`);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = csv.raw
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('"Hành lang có sạch không?"');
  });

  it("refuses answers that do not fit their questions, in the person's language", async () => {
    const id = (await create({ title: "Khảo sát kiểm tra" })).body.survey.id;
    const bad = await answer(cuong, id, { clean: "Rất sạch", wants: [], score: 9, extra: "x" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual({
      "answers.clean": "Câu trả lời không hợp lệ cho câu hỏi này.",
      "answers.wants": "Hãy trả lời câu hỏi này.",
      "answers.score": "Câu trả lời không hợp lệ cho câu hỏi này.",
      "answers.extra": "Câu trả lời không hợp lệ cho câu hỏi này.",
    });
    await manager.post(`/api/v1/surveys/${id}/close`);
    const closed = await answer(cuong, id, { clean: "Sạch", wants: ["Gym"], score: 3 });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe("SURVEY_CLOSED");
  });

  it("per unit: one answer for the household, whoever gives it", async () => {
    const id = (await create({ title: "Khảo sát theo căn hộ", oneAnswerPer: "unit" })).body.survey.id;
    expect((await answer(an, id, { clean: "Sạch", wants: ["Gym"], score: 4 })).status).toBe(400);
    expect((await answer(an, id, { clean: "Sạch", wants: ["Gym"], score: 4 }, unitId)).status).toBe(201);
    const again = await answer(binh, id, { clean: "Bẩn", wants: ["Gym"], score: 1 }, unitId);
    expect(again.status).toBe(409);
    expect((await binh.client.get(`/api/v1/me/surveys/${id}`)).body.answered).toBe(true);
  });

  it("anonymous: the answers hold no person, unit or time, and the audit log says nothing of them", async () => {
    const id = (await create({ title: "Khảo sát ẩn danh", anonymous: true, oneAnswerPer: "unit" })).body
      .survey.id;
    expect(
      (
        await answer(
          cuong,
          id,
          { clean: "Bẩn", wants: ["Sân chơi"], score: 1, note: "Ẩn danh" },
          (
            await env.db.ownerSql.query<{ unit_id: string }>(
              "select unit_id from household_members where resident_id = $1",
              [cuong.residentId],
            )
          ).rows[0]?.unit_id,
        )
      ).status,
    ).toBe(201);
    const { rows } = await env.db.ownerSql.query<Record<string, unknown>>(
      "select * from survey_responses where survey_id = $1",
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ account_id: null, unit_id: null });
    const row = JSON.stringify(rows[0]);
    for (const link of [cuong.accountId, cuong.residentId]) expect(row).not.toContain(link);
    // Only the day: a time could be matched with the access log.
    expect(
      Object.values(rows[0] as object).some(
        (v) => v instanceof Date && v.getUTCHours() + v.getUTCMinutes() > 0,
      ),
    ).toBe(false);
    const tokens = await env.db.ownerSql.query<Record<string, unknown>>(
      "select * from survey_tokens where survey_id = $1",
      [id],
    );
    expect(Object.keys(tokens.rows[0] ?? {}).sort()).toEqual(["company_id", "survey_id", "token"]);
    const audit = await env.db.ownerSql.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity_id = $1 and action like 'survey.answer%'",
      [id],
    );
    expect(audit.rows[0]?.n).toBe(0);
  });

  it("a promotional survey reaches only who consented to marketing", async () => {
    await cuong.client.post("/api/v1/privacy/consents", { purpose: "marketing", given: true });
    const made = await create({ title: "Khảo sát ưu đãi giặt là", purpose: "promotion" });
    expect(made.body.survey.sent).toBe(1);
    expect((await an.client.get(`/api/v1/me/surveys/${made.body.survey.id}`)).status).toBe(404);
    expect((await cuong.client.get(`/api/v1/me/surveys/${made.body.survey.id}`)).status).toBe(200);
  });

  it("another company gets 404 on every survey route", async () => {
    const id = (await create({ title: "Khảo sát riêng" })).body.survey.id;
    const other = await newUnit(env);
    const stranger = await signIn(env, await newMember(env, "company_admin", { companyId: other.companyId }));
    for (const res of [
      await stranger.get(`/api/v1/surveys/${id}`),
      await stranger.get(`/api/v1/surveys/${id}/export`),
      await stranger.post(`/api/v1/surveys/${id}/close`),
      await stranger.get("/api/v1/surveys", { buildingId }),
      await stranger.post(`/api/v1/me/surveys/${id}/answers`, { answers: { clean: "Sạch" } }),
    ])
      expect(res.status).toBe(404);
  });
});
