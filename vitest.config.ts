import { defineConfig } from "vitest/config";

// TEST_DB=pglite (default) or postgres (with TEST_DATABASE_URL) selects the database of the "db" project.

export default defineConfig({
  test: {
    pool: "threads",
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.unit.test.ts", "test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "db",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["src/**/*.unit.test.ts", "test/unit/**", "test/e2e/**", "node_modules/**"],
          globalSetup: ["test/setup/global-setup.ts"],
          setupFiles: ["test/setup/close-apps.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          isolate: false,
        },
      },
    ],
  },
});
