import { readdirSync } from "node:fs";
import path from "node:path";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { personalFields } from "../../../platform/privacy/personal-data.js";
import { modules } from "../../index.js";

/*
 * Every column that holds personal data must belong to a field some module's provider declares: otherwise the
 * register does not show it, the export leaves it out and an erasure forgets it. The personal columns are
 * found here independently of the providers: every sealed column (encryption is what the platform does to
 * personal data) and every column named like personal data.
 */

const SERVER = path.resolve(import.meta.dirname, "../../..");
const SEALED = /(_enc|^sealed)$/;
const PERSONAL_NAME =
  /(^|_)(full_name|display_name|owner_name|bill_to|phone|email|contact|address|plate|birth|id_number|nationality|parking_card|card|ip|user_agent)(_|$)/;
/** Columns that look personal and are not, each with why. */
const NOT_PERSONAL: Record<string, string> = {
  "buildings.address": "a building's address, not a person's",
  "companies.address": "a management company's registered office, printed on its documents",
  "companies.email": "a management company's contact address, not a person's",
  "partners.org_email": "a partner organisation's contact address, not a person's (its people are accounts)",
  "partners.display_name": "a partner organisation's trade name, shown to residents",
  "accounts.totp_secret_enc": "a sign-in secret shared with the authenticator app, deleted with the account",
  "push_keys.private_key_enc": "the installation's Web Push signing key, no one's data",
};

function tableFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tableFiles(full);
    return e.name.endsWith(".table.ts") ? [full] : [];
  });
}

async function storedColumns() {
  const columns: { column: string; personal: boolean }[] = [];
  for (const file of [
    ...tableFiles(path.join(SERVER, "platform")),
    ...tableFiles(path.join(SERVER, "modules")),
  ]) {
    for (const value of Object.values(await import(file))) {
      if (!(value instanceof PgTable)) continue;
      const table = getTableConfig(value);
      for (const c of table.columns) {
        const column = `${table.name}.${c.name}`;
        const sealed = c.getSQLType() === "bytea" && SEALED.test(c.name);
        columns.push({ column, personal: (sealed || PERSONAL_NAME.test(c.name)) && !NOT_PERSONAL[column] });
      }
    }
  }
  return columns;
}

describe("personal-data providers", () => {
  it("cover every column that holds personal data, and name only columns that exist", async () => {
    const columns = await storedColumns();
    const declared = new Set([...personalFields({ modules }).values()].flatMap((f) => f.stored));
    const uncovered = columns.filter((c) => c.personal && !declared.has(c.column)).map((c) => c.column);
    expect(uncovered, "personal columns no module's provider declares").toEqual([]);
    const existing = new Set(columns.map((c) => c.column));
    expect(
      [...declared].filter((c) => !existing.has(c)),
      "declared columns that do not exist",
    ).toEqual([]);
    expect(Object.keys(NOT_PERSONAL).filter((c) => !existing.has(c))).toEqual([]);
  });
});
