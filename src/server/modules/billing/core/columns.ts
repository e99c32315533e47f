import { bigint, numeric } from "drizzle-orm/pg-core";

/** An amount of money: whole VND, read as a JS number (DESIGN §2 Money: integer VND). */
export const vnd = (name: string) => bigint(name, { mode: "number" });
/** A percentage with two decimals (VAT, surcharges, late fees). */
export const rate = (name: string) => numeric(name, { precision: 5, scale: 2 });
