import type { Tx } from "../../../platform/db/client.js";
import { personalDataReveals } from "./residents.table.js";

/** One line of the access trail: who saw which personal field of whom, in which request. */
export async function recordReveal(tx: Tx, values: typeof personalDataReveals.$inferInsert): Promise<void> {
  await tx.insert(personalDataReveals).values(values);
}
