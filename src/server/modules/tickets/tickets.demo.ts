import type { DemoSeed } from "../../platform/context.js";
import { DEMO_HOME_UNIT, demoId } from "../../platform/demo.js";
import { DEFAULT_SLAS, dueTimes } from "./sla.js";
import { ticketCounters, ticketEvents, tickets } from "./tickets.table.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Step = {
  after: number;
  kind: "status" | "assigned" | "message";
  status?: string;
  body?: string;
  staff: boolean;
};
type Seeded = {
  title: string;
  description: string;
  category: keyof typeof DEFAULT_SLAS;
  location: string;
  locationNote?: string;
  ago: number;
  status: string;
  assigned: boolean;
  rating?: number;
  steps: Step[];
};

/** The demo resident's tickets, one in each state a desk sees: late to answer, in progress, resolved, closed. */
const SEEDED: Seeded[] = [
  {
    title: "Thang máy số 2 kêu to khi lên tầng cao",
    description: "Từ tầng 10 trở lên thang số 2 rung và kêu to.",
    category: "elevator",
    location: "elevator",
    locationNote: "Thang số 2, block A",
    ago: 20 * DAY,
    status: "closed",
    assigned: true,
    rating: 5,
    steps: [
      { after: 10 * MINUTE, kind: "status", status: "acknowledged", staff: true },
      {
        after: 2 * HOUR,
        kind: "message",
        body: "Đơn vị bảo trì thang máy đã kiểm tra và thay bánh xe dẫn hướng.",
        staff: true,
      },
      { after: 3 * HOUR, kind: "status", status: "resolved", staff: true },
      { after: 5 * HOUR, kind: "status", status: "closed", body: "Thang chạy êm rồi, cảm ơn.", staff: false },
    ],
  },
  {
    title: "Tiếng ồn thi công căn 13.05 sau 18 giờ",
    description: "Căn 13.05 khoan tường đến 20 giờ tối liên tục 3 ngày.",
    category: "noise",
    location: "unit",
    ago: 3 * DAY,
    status: "resolved",
    assigned: false,
    steps: [
      { after: 30 * MINUTE, kind: "status", status: "acknowledged", staff: true },
      {
        after: 6 * HOUR,
        kind: "message",
        body: "Ban quản lý đã nhắc chủ căn 13.05 chỉ thi công từ 8 giờ đến 17 giờ.",
        staff: true,
      },
      { after: 7 * HOUR, kind: "status", status: "resolved", staff: true },
    ],
  },
  {
    title: "Rò nước trần nhà tắm",
    description: "Nước nhỏ giọt từ trần nhà tắm, có vẻ từ căn phía trên.",
    category: "plumbing",
    location: "unit",
    ago: 5 * HOUR,
    status: "in_progress",
    assigned: true,
    steps: [
      { after: 20 * MINUTE, kind: "status", status: "acknowledged", staff: true },
      { after: 25 * MINUTE, kind: "assigned", staff: true },
      { after: HOUR, kind: "status", status: "in_progress", staff: true },
      { after: HOUR, kind: "message", body: "Kỹ thuật sẽ lên kiểm tra lúc 15 giờ hôm nay.", staff: true },
    ],
  },
  {
    title: "Đèn hành lang tầng 12 không sáng",
    description: "Hai bóng đèn gần thang bộ tầng 12 không sáng từ tối qua.",
    category: "electricity",
    location: "corridor",
    locationNote: "Tầng 12, gần thang bộ",
    ago: 45 * MINUTE,
    status: "new",
    assigned: false,
    steps: [],
  },
];

/** Tickets for the demo building, so the desk, the board and the figures show work from the first visit. */
export async function seedDemoTickets(seed: DemoSeed): Promise<void> {
  const companyId = demoId(seed, "company");
  const buildingId = demoId(seed, "building");
  const unitId = demoId(seed, `unit:${DEMO_HOME_UNIT}`);
  const requesterId = demoId(seed, "account:resident@demo.chungcu.vn");
  const staffId = demoId(seed, "account:manager@demo.chungcu.vn");
  const techId = demoId(seed, "account:tech@demo.chungcu.vn");
  const now = Date.now();
  await seed.db.transaction(companyId, async (tx) => {
    for (const [index, s] of SEEDED.entries()) {
      const openedAt = new Date(now - s.ago);
      const at = (step: Step) => new Date(openedAt.getTime() + step.after);
      const firstAnswer = s.steps.find((step) => step.staff);
      const resolved = s.steps.find((step) => step.status === "resolved");
      const closed = s.steps.find((step) => step.status === "closed");
      const [row] = await tx
        .insert(tickets)
        .values({
          companyId,
          number: index + 1,
          buildingId,
          unitId,
          unitCode: DEMO_HOME_UNIT,
          location: s.location,
          locationNote: s.locationNote ?? null,
          category: s.category,
          priority: "normal",
          status: s.status,
          title: s.title,
          description: s.description,
          requesterId,
          assignedTo: s.assigned ? techId : null,
          ...dueTimes(openedAt, DEFAULT_SLAS[s.category], "normal"),
          respondedAt: firstAnswer ? at(firstAnswer) : null,
          resolvedAt: resolved ? at(resolved) : null,
          closedAt: closed ? at(closed) : null,
          rating: s.rating ?? null,
          createdAt: openedAt,
          updatedAt: s.steps.length ? at(s.steps[s.steps.length - 1] as Step) : openedAt,
        })
        .returning({ id: tickets.id });
      if (!row) throw new Error("demo ticket not seeded");
      await tx.insert(ticketEvents).values([
        {
          companyId,
          ticketId: row.id,
          kind: "created",
          status: "new",
          authorId: requesterId,
          fromStaff: false,
          createdAt: openedAt,
        },
        ...s.steps.map((step) => ({
          companyId,
          ticketId: row.id,
          kind: step.kind === "status" && step.status === "closed" ? "rated" : step.kind,
          status: step.status ?? null,
          body: step.body ?? null,
          internal: step.kind === "assigned",
          authorId: step.staff ? (step.kind === "message" && s.assigned ? techId : staffId) : requesterId,
          fromStaff: step.staff,
          createdAt: at(step),
        })),
      ]);
    }
    await tx.insert(ticketCounters).values({ companyId, last: SEEDED.length });
  });
}
