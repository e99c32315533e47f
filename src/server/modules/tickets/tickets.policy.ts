import type { Actor } from "../../platform/authz/actor.js";
import { type ActionOf, coversBuilding, definePolicy } from "../../platform/authz/can.js";

type TicketRecord = {
  buildingId: string;
  unitId: string;
  requesterId: string | null;
  assignedTo: string | null;
  status: string;
};

/** Who runs the building's tickets: the company admin, customer care, and the building's managers. */
const manages = (actor: Actor) =>
  actor.role === "company_admin" || actor.role === "customer_care" || actor.role === "building_manager";
const isRequester = (actor: Actor, t: TicketRecord) => !!actor.accountId && t.requesterId === actor.accountId;
const isAssignee = (actor: Actor, t: TicketRecord) =>
  actor.role === "technician" && !!actor.accountId && t.assignedTo === actor.accountId;
const closed = (t: TicketRecord) => t.status === "closed";

/**
 * A resident reports problems about their units and follows their own tickets; the management's roles run those
 * of the buildings they cover; a technician sees and works only the tickets assigned to them (DESIGN §1), with
 * the requester's first name and a masked phone.
 */
export const ticketPolicy = definePolicy(
  "ticket",
  {
    report: (actor, t?: TicketRecord) =>
      actor.role === "resident" && (!t || actor.unitIds.includes(t.unitId)),
    read: (actor, t?: TicketRecord) =>
      t
        ? isRequester(actor, t) ||
          (manages(actor) && coversBuilding(actor, t.buildingId)) ||
          isAssignee(actor, t)
        : actor.role === "resident" || manages(actor) || actor.role === "technician",
    /** Move it along its statuses: its managers, or the technician it is assigned to. */
    update: (actor, t?: TicketRecord) =>
      t
        ? !closed(t) && ((manages(actor) && coversBuilding(actor, t.buildingId)) || isAssignee(actor, t))
        : manages(actor) || actor.role === "technician",
    /** Assign it, change its priority or category, turn a conversation into one, set service levels. */
    assign: (actor, t?: TicketRecord) =>
      manages(actor) && (!t || (!closed(t) && coversBuilding(actor, t.buildingId))),
    note: (actor, t?: TicketRecord) =>
      t ? (manages(actor) && coversBuilding(actor, t.buildingId)) || isAssignee(actor, t) : false,
    message: (actor, t?: TicketRecord) =>
      t
        ? !closed(t) &&
          (isRequester(actor, t) ||
            (manages(actor) && coversBuilding(actor, t.buildingId)) ||
            isAssignee(actor, t))
        : false,
    rate: (actor, t?: TicketRecord) => !!t && isRequester(actor, t) && t.status === "resolved",
    reopen: (actor, t?: TicketRecord) =>
      !!t && isRequester(actor, t) && (t.status === "resolved" || t.status === "closed"),
    /** Set the company's service levels. */
    configure: (actor) => actor.role === "company_admin",
  },
  { presents: ["update", "assign", "note", "message", "rate", "reopen"] },
);

declare module "../../platform/authz/can.js" {
  interface PolicyActions {
    ticket: ActionOf<typeof ticketPolicy>;
  }
}
