import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy, isStaff } from "../../platform/authz/can.js";

type ConversationRecord = { buildingId: string; unitId: string; accountId: string };

/** Who answers residents: the company admin, customer care, and a building's managers. */
const answers = (actor: Actor) =>
  actor.role === "company_admin" || actor.role === "customer_care" || actor.role === "building_manager";

/**
 * A resident writes to the management about a unit of theirs and reads their own conversations; the
 * management's answering roles read and answer those of the buildings they cover.
 */
export const conversationPolicy = definePolicy("conversation", {
  open: (actor, c?: ConversationRecord) =>
    actor.role === "resident" && (!c || actor.unitIds.includes(c.unitId)),
  read: (actor, c?: ConversationRecord) =>
    c
      ? c.accountId === actor.accountId ||
        (isStaff(actor) && answers(actor) && coversBuilding(actor, c.buildingId))
      : actor.role === "resident" || answers(actor),
  answer: (actor, c?: ConversationRecord) => answers(actor) && (!c || coversBuilding(actor, c.buildingId)),
});

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    conversation: ActionOf<typeof conversationPolicy>;
  }
}
