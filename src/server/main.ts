import path from "node:path";
import { buildApp } from "./app.js";
import { ConfigError, DEMO_SECRET_FILES, loadConfig, otpChannelCheck } from "./config.js";
import { isEmpty, seedDemo } from "./demo/seed.js";
import { migrate } from "./platform/db/migrate.js";
import { openDatabase } from "./platform/db/open.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./platform/demo.js";
import { startJobs } from "./platform/jobs/boss.js";
import { createLogger } from "./platform/log/logger.js";

async function main(): Promise<void> {
  const started = Date.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const channels = otpChannelCheck(config);
  if (channels.error) {
    console.error(channels.error);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  if (channels.warning) logger.warn(channels.warning);
  const db = await openDatabase(config, { initialiseInChild: true });
  await migrate(db);
  const app = await buildApp({ config, db, logger });
  if (config.demo && (await isEmpty(db))) {
    logger.info("empty database: seeding the demo company");
    await seedDemo(db, app.platform);
  }
  const boss = config.jobs ? await startJobs(db, app.platform, logger, config.databaseUrl) : null;
  await app.listen({ port: config.port, host: config.host });

  const url = config.publicUrl;
  const lines = [
    "",
    `  Chungcu ${config.version} is running at ${url}  (${db.kind === "pglite" ? `PGlite, data in ${config.dataDir}` : "PostgreSQL"}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API docs: ${url}/api/docs`,
  ];
  if (config.masterKeyFile) {
    lines.push(
      `  The master key is kept beside the data in ${config.masterKeyFile}: fine for a demo, refused in production (set MASTER_KEY)`,
    );
  }
  if (config.demo) {
    lines.push(
      `  Demo mode: one-time codes and emails are in ${url}/dev/outbox`,
      `  Demo logins (password ${DEMO_PASSWORD}):`,
    );
    for (const l of DEMO_LOGINS) lines.push(`    ${l.email.padEnd(28)} ${l.label}`);
    if (config.bankFeed.apiKey && !process.env.BANK_FEED_API_KEY) {
      // Where the key is, not the key: the console's output may end up in shared logs.
      lines.push(
        `  Bank feed (POST ${url}/api/v1/bank-feed/sepay): Authorization: Apikey <${path.join(config.dataDir, DEMO_SECRET_FILES.bankFeedKey)}>`,
      );
    }
  }
  console.log(`${lines.join("\n")}\n`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await boss?.stop({ graceful: true, timeout: 5000 }).catch(() => {});
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
