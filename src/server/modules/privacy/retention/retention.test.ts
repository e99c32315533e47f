import { describe, expect, it } from "vitest";
import {
  admin,
  buildingId,
  companyId,
  DAY,
  env,
  log,
  readableIn,
  setUpPrivacyCompany,
  unitInBuilding,
} from "../../../../../test/helpers/privacy-center.js";
import { runRetention } from "../retention/retention.service.js";

setUpPrivacyCompany();

describe("retention", () => {
  it("purges access logs and former residents past the company's periods, and nothing else", async () => {
    expect(
      (
        await admin.put("/api/v1/privacy/retention", {
          accessLogDays: 30,
          closedAccountDays: 30,
          ticketPhotoDays: 180,
          conversationDays: 60,
          visitorLogDays: 30,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.put("/api/v1/privacy/retention", {
          accessLogDays: 1,
          closedAccountDays: 30,
          ticketPhotoDays: 180,
          conversationDays: 730,
          visitorLogDays: 90,
        })
      ).status,
    ).toBe(400);
    const old = new Date(Date.now() - 31 * DAY);
    const recent = new Date(Date.now() - 29 * DAY);
    await env.db.ownerSql.query(
      `insert into access_log (company_id, at, method, path, status, request_id, duration_ms)
       values ($1, $2, 'GET', '/api/v1/retention-old', 200, 'r1', 1), ($1, $3, 'GET', '/api/v1/retention-new', 200, 'r2', 1)`,
      [companyId, old, recent],
    );
    const gone = await unitInBuilding("P-10.01");
    const stays = await unitInBuilding("P-10.02");
    const leftLongAgo = await admin.post(`/api/v1/units/${gone}/household`, {
      role: "owner",
      fullName: "Người Đi Lâu",
    });
    const leftRecently = await admin.post(`/api/v1/units/${stays}/household`, {
      role: "member",
      fullName: "Người Mới Đi",
    });
    const living = await admin.post(`/api/v1/units/${stays}/household`, {
      role: "owner",
      fullName: "Người Đang Ở",
    });
    const movedOut = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
    await env.db.ownerSql.query("update household_members set moved_out_on = $2 where id = $1", [
      leftLongAgo.body.id,
      movedOut(40),
    ]);
    await env.db.ownerSql.query("update household_members set moved_out_on = $2 where id = $1", [
      leftRecently.body.id,
      movedOut(20),
    ]);

    // Two conversations: silent for 61 days (past the 60 kept), and for 59.
    const thread = async (topic: string, days: number) => {
      const { rows } = await env.db.ownerSql.query<{ id: string }>(
        `insert into conversations (company_id, building_id, unit_id, unit_code, account_id, topic, last_message_at)
         values ($1, $2, $3, 'P-10.02', gen_random_uuid(), $4, $5) returning id`,
        [companyId, buildingId, stays, topic, new Date(Date.now() - days * DAY)],
      );
      await env.db.ownerSql.query(
        `insert into conversation_messages (company_id, conversation_id, from_staff, body) values ($1, $2, false, $3)`,
        [companyId, rows[0]?.id, `Tin nhắn ${topic}`],
      );
    };
    await thread("Trao đổi cũ", 61);
    await thread("Trao đổi gần đây", 59);

    await runRetention(env.db, env.app.platform, log);
    const threads = await env.db.ownerSql.query<{ topic: string; messages: number }>(
      `select c.topic, (select count(*)::int from conversation_messages m
                         where m.company_id = c.company_id and m.conversation_id = c.id) as messages
         from conversations c where c.company_id = $1 order by c.topic`,
      [companyId],
    );
    expect(threads.rows).toEqual([{ topic: "Trao đổi gần đây", messages: 1 }]);
    expect(await readableIn("Tin nhắn Trao đổi cũ")).toEqual([]);

    const paths = await env.db.ownerSql.query<{ path: string }>(
      "select path from access_log where company_id = $1 and path like '/api/v1/retention-%'",
      [companyId],
    );
    expect(paths.rows.map((r) => r.path)).toEqual(["/api/v1/retention-new"]);
    expect(await readableIn("Người Đi Lâu")).toEqual([]);
    expect(await readableIn("Người Mới Đi")).toEqual(["residents"]);
    expect(await readableIn("Người Đang Ở")).toEqual(["residents"]);
    expect(living.status).toBe(201);
    const overview = await admin.get("/api/v1/privacy/retention");
    expect(overview.body.settings).toEqual({
      accessLogDays: 30,
      closedAccountDays: 30,
      ticketPhotoDays: 180,
      conversationDays: 60,
      visitorLogDays: 30,
    });
    const byCategory = Object.fromEntries(
      overview.body.lastRuns.map((r: { category: string }) => [r.category, r]),
    );
    expect(byCategory.access_logs).toMatchObject({ removed: 1 });
    expect(byCategory.closed_accounts).toMatchObject({ removed: 1 });
    expect(byCategory.conversations).toMatchObject({ removed: 1, details: { days: 60 } });
    expect(byCategory.visitor_log).toMatchObject({ removed: 0, details: { days: 30 } });
  });
});
