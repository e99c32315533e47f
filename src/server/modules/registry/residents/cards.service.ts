import { and, asc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { AccessCard, AccessCardBody } from "../../../../contracts/registry.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx } from "../../../platform/context.js";
import { insertOne } from "../../../platform/db/insert.js";
import { conflictOn, errors } from "../../../platform/errors.js";
import { authorizeHousehold, loadMember } from "./households.service.js";
import { accessCards } from "./residents.table.js";

conflictOn("access_cards_number_active", "number");

type CardRow = typeof accessCards.$inferSelect;
const today = () => new Date().toISOString().slice(0, 10);

const toDto = (c: CardRow): z.infer<typeof AccessCard> => ({
  id: c.id,
  unitId: c.unitId,
  residentId: c.residentId,
  kind: c.kind as "access" | "elevator",
  number: c.number,
  issuedOn: c.issuedOn,
  deactivatedOn: c.deactivatedOn,
});

export async function listCards(ctx: Ctx, unitId: string) {
  await authorizeHousehold(ctx, unitId, "read");
  const rows = await ctx.tx
    .select()
    .from(accessCards)
    .where(and(eq(accessCards.companyId, ctx.companyId), eq(accessCards.unitId, unitId)))
    .orderBy(asc(accessCards.kind), asc(accessCards.number));
  return { items: rows.map(toDto) };
}

/** Management issues an access or elevator card to a current household member. */
export async function issueCard(
  ctx: Ctx,
  unitId: string,
  memberId: string,
  body: z.infer<typeof AccessCardBody>,
) {
  await authorizeHousehold(ctx, unitId, "issue_card");
  const member = await loadMember(ctx, unitId, memberId);
  const row = await insertOne(
    ctx.tx
      .insert(accessCards)
      .values({
        companyId: ctx.companyId,
        unitId,
        residentId: member.residentId,
        kind: body.kind,
        number: body.number,
        issuedOn: body.issuedOn ?? today(),
      })
      .returning(),
  );
  await audit(ctx, {
    action: "card.issue",
    entity: "access_card",
    entityId: row.id,
    changes: { kind: [null, row.kind], number: [null, row.number], member: [null, memberId] },
  });
  return toDto(row);
}

export async function deactivateCard(ctx: Ctx, cardId: string, on: string): Promise<void> {
  const [card] = await ctx.tx
    .select()
    .from(accessCards)
    .where(
      and(
        eq(accessCards.companyId, ctx.companyId),
        eq(accessCards.id, cardId),
        isNull(accessCards.deactivatedOn),
      ),
    );
  if (!card) throw errors.notFound("resource");
  await authorizeHousehold(ctx, card.unitId, "issue_card");
  await ctx.tx
    .update(accessCards)
    .set({ deactivatedOn: on })
    .where(and(eq(accessCards.companyId, ctx.companyId), eq(accessCards.id, cardId)));
  await audit(ctx, {
    action: "card.deactivate",
    entity: "access_card",
    entityId: cardId,
    changes: { deactivatedOn: [null, on] },
  });
}
