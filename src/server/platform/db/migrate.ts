import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrationsDir } from "../../paths.js";
import type { Database } from "./client.js";

/** Applies the committed drizzle-kit migrations as the owner role. */
export async function migrate(db: Database): Promise<void> {
  const config = { migrationsFolder: migrationsDir, migrationsSchema: "drizzle" };
  // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's database type
  if (db.kind === "pglite") await migratePglite(db.owner as any, config);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  else await migratePg(db.owner as any, config);
}
