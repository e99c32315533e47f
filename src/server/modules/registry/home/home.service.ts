import type { z } from "zod";
import type { homeAnswer } from "../../../../contracts/home.js";
import type { Ctx } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { unitRef } from "../units/units.service.js";

type HomeAnswer = z.infer<ReturnType<typeof homeAnswer>>;

/** What the modules declare for the resident's home and tabs, in their order. */
export function homeDeclarations(modules: Ctx["platform"]["modules"]) {
  const byOrder = <T extends { order: number }>(items: T[]) => items.sort((a, b) => a.order - b.order);
  return {
    cards: byOrder(modules.flatMap((m) => [...(m.residentHome?.cards ?? [])])),
    actions: byOrder(modules.flatMap((m) => [...(m.residentHome?.actions ?? [])])),
    // Several modules may fill one tab (reception and amenities fill "services"): it is listed once.
    tabs: byOrder(
      modules
        .flatMap((m) => [...(m.residentTabs ?? [])])
        .filter((t, i, all) => all.findIndex((o) => o.key === t.key) === i),
    ),
  };
}

/**
 * The resident's home for one of their units, in one answer: each module's card filled for the unit (a card
 * with nothing to show is left out), the quick actions and the tabs the modules provide. Another unit, even of
 * the same building, is unknown here (404), as it is to the household routes.
 */
export async function residentHome(ctx: Ctx, unitId: string): Promise<HomeAnswer> {
  if (!ctx.actor.unitIds.includes(unitId)) throw errors.notFound("unit");
  const ref = await unitRef(ctx, unitId);
  const unit = { id: ref.id, code: ref.code, buildingId: ref.buildingId };
  const declared = homeDeclarations(ctx.platform.modules);
  const cards: HomeAnswer["cards"] = [];
  // One after the other: they share the request's one transaction (one connection).
  for (const card of declared.cards) {
    const data = await card.summary(ctx, unit);
    if (data !== null) cards.push({ key: card.key, data });
  }
  return {
    unitId,
    unitCode: ref.code,
    cards,
    actions: declared.actions.map(({ key, to }) => ({ key, to })),
    tabs: declared.tabs.map((t) => t.key),
  };
}
