import type { Actor } from "./authz/actor.js";
import { systemActor } from "./authz/actor.js";
import type { Ctx, DemoSeed } from "./context.js";
import type { Tx } from "./db/client.js";

export const DEMO_PASSWORD = "Demo@2026";

/** The demo logins of DESIGN §4, and what each one is. */
export const DEMO_LOGINS = [
  { email: "platform@demo.chungcu.vn", name: "Quản trị Nền tảng", role: null, label: "platform admin" },
  {
    email: "admin@demo.chungcu.vn",
    name: "Trần Thị Quản Trị",
    role: "company_admin",
    label: "company admin",
  },
  {
    email: "manager@demo.chungcu.vn",
    name: "Nguyễn Văn Quản Lý",
    role: "building_manager",
    label: "building manager",
  },
  { email: "accountant@demo.chungcu.vn", name: "Lê Thị Kế Toán", role: "accountant", label: "accountant" },
  {
    email: "care@demo.chungcu.vn",
    name: "Phạm Minh Chăm Sóc",
    role: "customer_care",
    label: "customer care",
  },
  { email: "tech@demo.chungcu.vn", name: "Hoàng Văn Kỹ Thuật", role: "technician", label: "technician" },
  {
    email: "board@demo.chungcu.vn",
    name: "Đỗ Thị Ban Quản Trị",
    role: "owners_board",
    label: "owners' board",
  },
  {
    email: "resident@demo.chungcu.vn",
    name: "Nguyễn Văn An",
    role: "resident",
    label: "resident, owner of A-12.05",
  },
  {
    email: "partner@demo.chungcu.vn",
    name: "Võ Văn Giao",
    role: "partner",
    label: "partner, delivers for Nước Suối Mát",
  },
] as const;

/** The demo's own unit: the demo resident owns it, and its last notice stays due. */
export const DEMO_HOME_UNIT = "A-12.05";

/** An id an earlier module's seed left; a missing one means the module list is out of order. */
export function demoId(seed: DemoSeed, name: string): string {
  const id = seed.ids.get(name);
  if (!id) throw new Error(`demo seed: "${name}" was not seeded before it was needed`);
  return id;
}

/** The context the demo seed acts in: the system, or a given actor, in one company's transaction. */
export function demoCtx(seed: DemoSeed, companyId: string, tx: Tx, actor: Actor = systemActor): Ctx {
  return {
    companyId,
    actor,
    lang: "vi",
    requestId: "seed-demo",
    tx,
    platform: seed.platform,
    afterCommit: () => {},
  };
}
