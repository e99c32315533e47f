import type { z } from "zod";
import type { AnnouncementBody } from "../../../contracts/privacy.js";
import { audit } from "../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { insertOne } from "../../platform/db/insert.js";
import { buildingPolicy, loadBuilding } from "../buildings/index.js";
import { notify } from "../notifications/index.js";
import { consentingAccounts } from "../privacy/index.js";
import { buildingResidents } from "../registry/index.js";
import { announcements } from "./announcements.table.js";

/**
 * Sends a message to the residents of a building, in the app. People who restricted the processing of their
 * data are left out; a marketing message reaches only those who consented to marketing, and stops reaching
 * anyone the moment they withdraw.
 */
export async function announce(ctx: Ctx, buildingId: string, body: z.infer<typeof AnnouncementBody>) {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, "announce", subject(buildingPolicy, building));
  const people = await buildingResidents(ctx, buildingId);
  const usable = people.filter((p) => !p.restricted && !p.erased);
  const withAccount = usable.filter((p): p is typeof p & { accountId: string } => p.accountId !== null);
  const accounts = [...new Set(withAccount.map((p) => p.accountId))];
  const consenting = body.marketing
    ? await consentingAccounts(ctx, accounts, "marketing")
    : new Set(accounts);
  const reached = accounts.filter((a) => consenting.has(a));
  const row = await insertOne(
    ctx.tx
      .insert(announcements)
      .values({
        companyId: ctx.companyId,
        buildingId,
        title: body.title,
        body: body.body,
        marketing: body.marketing,
        sent: reached.length,
        createdBy: ctx.actor.accountId,
      })
      .returning({ id: announcements.id }),
  );
  await notify(
    ctx,
    reached.map((accountId) => ({
      accountId,
      kind: "announcement",
      title: body.title,
      body: body.body,
      sourceId: row.id,
    })),
  );
  const result = {
    id: row.id,
    sent: reached.length,
    excludedRestricted: people.length - usable.length,
    excludedNoConsent: accounts.length - reached.length,
    withoutAccount: usable.length - withAccount.length,
  };
  await audit(ctx, {
    action: "announcement.send",
    entity: "announcement",
    entityId: row.id,
    changes: result,
  });
  return result;
}
