import { beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestEnv } from "../../../../test/helpers/app.js";
import { seedDemo } from "../../demo/seed.js";
import { verifyAuditChains } from "./audit.service.js";

/** `npm run audit:verify` on a freshly seeded demo: every chain, fee rules (with their dates) included. */
let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});

describe("audit chains of the demo", () => {
  it("verify after the seed", async () => {
    await seedDemo(env.db, env.app.platform);
    const result = await verifyAuditChains(env.db);
    expect(result.broken).toBeNull();
    expect(result.entries).toBeGreaterThan(0);
  });
});
