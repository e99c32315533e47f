import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ChangeRequest, ChangeRequestBody } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { parseContact } from "../../../platform/crypto/contact.js";
import { decrypt, encrypt } from "../../../platform/crypto/crypto.js";
import { insertOne } from "../../../platform/db/insert.js";
import { errors } from "../../../platform/errors.js";
import { updateUnit } from "../units/units.service.js";
import { units } from "../units/units.table.js";
import { addHouseholdMember, authorizeHousehold, moveOut } from "./households.service.js";
import { householdPolicy } from "./residents.policy.js";
import { changeRequests, householdMembers } from "./residents.table.js";

type Row = typeof changeRequests.$inferSelect;
type Joined = { r: Row; code: string; area: string };

const toDto = ({ r, code, area }: Joined): ChangeRequest => ({
  id: r.id,
  unitId: r.unitId,
  unitCode: code,
  kind: r.kind as ChangeRequest["kind"],
  status: r.status as ChangeRequest["status"],
  proposedAreaM2: r.proposedAreaM2 === null ? null : Number(r.proposedAreaM2),
  currentAreaM2: Number(area),
  newOwnerName: r.newOwnerName,
  transferOn: r.transferOn,
  note: r.note,
  decisionNote: r.decisionNote,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

function select(ctx: Ctx, where: SQL | undefined) {
  return ctx.tx
    .select({ r: changeRequests, code: units.code, area: units.areaM2 })
    .from(changeRequests)
    .innerJoin(units, and(eq(units.companyId, changeRequests.companyId), eq(units.id, changeRequests.unitId)))
    .where(and(eq(changeRequests.companyId, ctx.companyId), where))
    .orderBy(desc(changeRequests.createdAt));
}

/** The owner asks for a change to the unit's area or owner; nothing changes until management approves. */
export async function requestChange(ctx: Ctx, unitId: string, body: z.infer<typeof ChangeRequestBody>) {
  await authorizeHousehold(ctx, unitId, "request_change");
  const contact =
    body.kind === "ownership" && body.newOwnerContact ? parseContact(body.newOwnerContact) : null;
  if (body.kind === "ownership" && body.newOwnerContact && !contact) {
    throw errors.validation({ newOwnerContact: "CONTACT_INVALID" });
  }
  const row = await insertOne(
    ctx.tx
      .insert(changeRequests)
      .values({
        companyId: ctx.companyId,
        unitId,
        kind: body.kind,
        requestedBy: ctx.actor.accountId,
        proposedAreaM2: body.kind === "area" ? body.areaM2.toFixed(2) : null,
        newOwnerName: body.kind === "ownership" ? body.newOwnerName : null,
        newOwnerContactEnc: contact ? encrypt(ctx.platform.keyring.systemKey, contact.value) : null,
        transferOn: body.kind === "ownership" ? body.transferOn : null,
        note: body.note ?? null,
      })
      .returning({ id: changeRequests.id }),
  );
  await audit(ctx, {
    action: "change_request.create",
    entity: "change_request",
    entityId: row.id,
    changes: { kind: [null, body.kind] },
  });
  return loadOne(ctx, row.id);
}

async function loadOne(ctx: Ctx, id: string): Promise<ChangeRequest> {
  const [row] = await select(ctx, eq(changeRequests.id, id));
  if (!row) throw errors.notFound("resource");
  return toDto(row);
}

export async function listUnitRequests(ctx: Ctx, unitId: string) {
  await authorizeHousehold(ctx, unitId, "read");
  return { items: (await select(ctx, eq(changeRequests.unitId, unitId))).map(toDto) };
}

/** Management's queue: requests waiting in the buildings the actor covers. */
export async function listPending(ctx: Ctx) {
  const rows = await select(ctx, and(eq(changeRequests.status, "pending"), householdPolicy.scope(ctx.actor)));
  return { items: rows.map(toDto) };
}

async function loadPending(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.companyId, ctx.companyId), eq(changeRequests.id, id)))
    .for("update");
  if (!row) throw errors.notFound("resource");
  await authorizeHousehold(ctx, row.unitId, "decide_change");
  if (row.status !== "pending") throw errors.rule("CHANGE_REQUEST_NOT_PENDING");
  return row;
}

/**
 * Approves a request and applies it in the same transaction: a new area is recorded on the unit (audited as
 * any unit change); a new owner replaces the current owners, who move out on the transfer date.
 */
export async function approve(ctx: Ctx, id: string, note: string | undefined): Promise<ChangeRequest> {
  const req = await loadPending(ctx, id);
  if (req.kind === "area") {
    await updateUnit(ctx, req.unitId, { areaM2: Number(req.proposedAreaM2) });
  } else {
    const transferOn = req.transferOn as string;
    const owners = await ctx.tx
      .select({ id: householdMembers.id })
      .from(householdMembers)
      .where(
        and(
          eq(householdMembers.companyId, ctx.companyId),
          eq(householdMembers.unitId, req.unitId),
          eq(householdMembers.role, "owner"),
          isNull(householdMembers.movedOutOn),
        ),
      );
    for (const owner of owners) await moveOut(ctx, req.unitId, owner.id, transferOn);
    const contact = req.newOwnerContactEnc
      ? parseContact(decrypt(ctx.platform.keyring.systemKey, req.newOwnerContactEnc))
      : null;
    await addHouseholdMember(ctx, req.unitId, {
      role: "owner",
      fullName: req.newOwnerName as string,
      movedInOn: transferOn,
      preferredLang: "vi",
      ...(contact?.kind === "email" ? { email: contact.value } : contact ? { phone: contact.value } : {}),
    });
  }
  return decide(ctx, req, "approved", note);
}

export async function reject(ctx: Ctx, id: string, note: string | undefined): Promise<ChangeRequest> {
  return decide(ctx, await loadPending(ctx, id), "rejected", note);
}

async function decide(ctx: Ctx, req: Row, status: "approved" | "rejected", note: string | undefined) {
  await ctx.tx
    .update(changeRequests)
    .set({
      status,
      decidedBy: ctx.actor.accountId,
      decidedAt: new Date(),
      decisionNote: note ?? null,
      newOwnerContactEnc: null,
    })
    .where(and(eq(changeRequests.companyId, ctx.companyId), eq(changeRequests.id, req.id)));
  await audit(ctx, {
    action: `change_request.${status}`,
    entity: "change_request",
    entityId: req.id,
    changes: { status: ["pending", status] },
  });
  return loadOne(ctx, req.id);
}
