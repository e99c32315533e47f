import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BulkInvitationResult } from "../../../../contracts/registry.js";
import { audit, bulkChanges } from "../../../platform/audit/audit.service.js";
import { authorizeVisible, subject } from "../../../platform/authz/can.js";
import type { Ctx } from "../../../platform/context.js";
import { decrypt } from "../../../platform/crypto/crypto.js";
import { queryRows } from "../../../platform/db/client.js";
import { defineTask } from "../../../platform/jobs/tasks.js";
import { loadBuilding } from "../../buildings/index.js";
import { createInvitation, liveInvitationsOfResidents } from "../../staff/index.js";
import { residentPolicy } from "./residents.policy.js";
import { residents } from "./residents.table.js";

type Invite = { residentId: string; unitIds: string[] };
type Candidate = Invite & { linked: boolean; contact: string | null; pending: boolean };

const CHUNK = 100;

/**
 * Everyone living in the building's units (or the given units) with what decides whether they are invited:
 * an account already linked, a contact to send to, an invitation still open. Owners come first, so that
 * when family members share one phone or email the owner is the one invited.
 */
async function candidates(ctx: Ctx, buildingId: string, unitIds: string[] | undefined): Promise<Candidate[]> {
  const onlyUnits = unitIds ? sql`and m.unit_id in ${unitIds}` : sql``;
  const rows = await queryRows<Omit<Candidate, "pending">>(
    ctx.tx,
    sql`select r.id as "residentId",
               array_agg(m.unit_id order by m.unit_id) as "unitIds",
               r.account_id is not null as linked,
               coalesce(r.email_bidx, r.phone_bidx) as contact
          from household_members m
          join units u on u.company_id = m.company_id and u.id = m.unit_id
          join residents r on r.company_id = m.company_id and r.id = m.resident_id
         where m.company_id = ${ctx.companyId} and u.building_id = ${buildingId} and m.moved_out_on is null
               ${onlyUnits}
         group by r.company_id, r.id
         order by min(case m.role when 'owner' then 0 when 'tenant' then 1 else 2 end), r.id`,
  );
  const invited = await liveInvitationsOfResidents(
    ctx,
    rows.map((r) => r.residentId),
  );
  const pending = new Set(invited.filter((i) => !i.accepted).map((i) => i.residentId));
  return rows.map((r) => ({ ...r, pending: pending.has(r.residentId) }));
}

/** Sorts the building's residents into those to invite and why the others are not. */
function sortOut(rows: Candidate[]) {
  const invite: Invite[] = [];
  const counts = { alreadyLinked: 0, alreadyInvited: 0, noContact: 0, sharedContact: 0 };
  const contacts = new Set<string>();
  for (const r of rows) {
    if (r.linked) counts.alreadyLinked++;
    else if (!r.contact) counts.noContact++;
    else if (r.pending) counts.alreadyInvited++;
    else if (contacts.has(r.contact)) counts.sharedContact++;
    else invite.push({ residentId: r.residentId, unitIds: r.unitIds });
    if (r.contact) contacts.add(r.contact);
  }
  return { invite, counts };
}

export const inviteResidents = defineTask<{ invites: Invite[] }>(
  "registry.invite-residents",
  async (run, data) => {
    let sent = 0;
    for (let i = 0; i < data.invites.length; i += CHUNK) {
      const chunk = data.invites.slice(i, i + CHUNK);
      sent += await run(async (ctx) => {
        let n = 0;
        for (const invite of await stillToInvite(ctx, chunk)) {
          await sendInvitation(ctx, invite);
          n++;
        }
        return n;
      });
    }
    return { sent, of: data.invites.length };
  },
);

/** A retried job skips the people invited (or who joined) since it was queued. */
async function stillToInvite(ctx: Ctx, chunk: Invite[]) {
  const ids = chunk.map((c) => c.residentId);
  const skip = new Set((await liveInvitationsOfResidents(ctx, ids)).map((d) => d.residentId));
  const rows = await ctx.tx
    .select()
    .from(residents)
    .where(
      and(eq(residents.companyId, ctx.companyId), inArray(residents.id, ids), isNull(residents.accountId)),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return chunk.flatMap((c) => {
    const row = byId.get(c.residentId);
    return row && !skip.has(c.residentId) ? [{ ...c, row }] : [];
  });
}

async function sendInvitation(ctx: Ctx, invite: Invite & { row: typeof residents.$inferSelect }) {
  const { row } = invite;
  if (!row.dataKey) return;
  const key = ctx.platform.keyring.unwrap(row.dataKey);
  const box = row.emailEnc ?? row.phoneEnc;
  if (!box) return;
  await createInvitation(ctx, {
    contact: decrypt(key, box),
    displayName: row.fullName,
    role: "resident",
    unitIds: invite.unitIds,
    residentId: row.id,
    bulk: true,
  });
}

/**
 * Invites every resident of a building (or of some of its units, e.g. those just imported) to the app, one
 * invitation per person with a contact and no account yet; people sharing a phone or email get one between
 * them. The invitations are created and sent in the background; the request writes one audit entry.
 */
export async function inviteBuildingResidents(
  ctx: Ctx,
  buildingId: string,
  unitIds?: string[],
): Promise<BulkInvitationResult> {
  const building = await loadBuilding(ctx, buildingId);
  authorizeVisible(ctx.actor, "invite", subject(residentPolicy, { buildingIds: [building.id] }));
  const { invite, counts } = sortOut(await candidates(ctx, building.id, unitIds));
  if (invite.length > 0) {
    await ctx.platform.tasks.enqueue(ctx, inviteResidents, { invites: invite });
  }
  await audit(ctx, {
    action: "invitation.bulk_create",
    entity: "building",
    entityId: building.id,
    changes: bulkChanges(
      invite.map((i) => i.residentId),
      counts,
    ),
  });
  return { queued: invite.length, ...counts };
}
