/** Which database the db suites run on: TEST_DB=postgres needs TEST_DATABASE_URL. */
export function testDatabaseKind(): "pglite" | "postgres" {
  const kind = process.env.TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgres")
    throw new Error(`TEST_DB must be pglite or postgres, not ${kind}`);
  if (kind === "postgres" && !process.env.TEST_DATABASE_URL)
    throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  return kind;
}
