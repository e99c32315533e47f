import { defineConfig } from "vitest/config";

// TEST_DB=pglite (default) or postgres (with TEST_DATABASE_URL) selects the database of the "db" project.

/**
 * Each file's tests run in a shuffled order, so a test that leans on another's data or effects fails (issue 11,
 * item 24). Set at the root: vitest 4.1 hands every project the root's `sequence` and ignores a project's own.
 * Vitest prints the seed ("Running tests with seed …"); `--sequence.seed=<seed>` replays an order.
 */

export default defineConfig({
  test: {
    pool: "threads",
    sequence: { shuffle: { files: false, tests: true } },
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
