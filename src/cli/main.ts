import { stdout } from "node:process";
import { SingleBar } from "cli-progress";
import { Command } from "commander";
import { sql } from "drizzle-orm";
import QRCode from "qrcode";
import { loadConfig, otpChannelsOf } from "../server/config.js";
import { isEmpty, seedDemo } from "../server/demo/seed.js";
import {
  beginTotp,
  confirmTotp,
  createAccount,
  parseContactOrFail,
} from "../server/modules/accounts/index.js";
import {
  decodeVietQr,
  executeRun,
  formatVnd,
  issueInvoices,
  VietQrError,
} from "../server/modules/billing/index.js";
import type { Progress } from "../server/modules/registry/index.js";
import { audit, verifyAuditChains } from "../server/platform/audit/audit.service.js";
import { systemActor } from "../server/platform/authz/actor.js";
import type { Ctx, Platform } from "../server/platform/context.js";
import { type Database, PLATFORM_SCOPE, type Tx } from "../server/platform/db/client.js";
import { migrate } from "../server/platform/db/migrate.js";
import { openDatabase } from "../server/platform/db/open.js";
import { AppError } from "../server/platform/errors.js";
import { message } from "../server/platform/i18n/messages.js";
import { runFor } from "../server/platform/jobs/tasks.js";
import { createLogger } from "../server/platform/log/logger.js";
import { createPlatform } from "../server/runtime.js";
import { companyOfBuilding, type ImportFileOptions, importFromFile } from "./import.js";
import { Prompter } from "./prompt.js";

async function withDatabase<T>(fn: (db: Database, platform: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const platform = createPlatform({ config, db, logger: createLogger("warn") });
    return await fn(db, platform);
  } finally {
    await db.close();
  }
}

const program = new Command("chungcu").description("Chungcu operator commands");

const dbCmd = program.command("db").description("database");
dbCmd
  .command("migrate")
  .description("apply the committed migrations")
  .action(() => withDatabase(async (db) => console.log(`migrations applied (${db.kind})`)));

program
  .command("seed")
  .argument("<what>", "demo")
  .description("seed the demo company (only into an empty database)")
  .action((what: string) =>
    withDatabase(async (db, platform) => {
      if (what !== "demo") throw new Error(`unknown seed ${what}`);
      if (!(await isEmpty(db))) {
        console.error("The database is not empty: the demo is seeded only into an empty database.");
        process.exitCode = 1;
        return;
      }
      await seedDemo(db, platform);
      console.log("demo company seeded");
    }),
  );

program
  .command("admin")
  .command("create")
  .description("create a platform admin (the first account of a production installation)")
  .option("--email <email>", "email address or phone number")
  .option("--name <name>", "display name")
  .option("--password <password>", "password (asked for when omitted; prefer the prompt)")
  .option("--totp", "enrol an authenticator app now (done anyway when neither email nor SMS is configured)")
  .action((opts: { email?: string; name?: string; password?: string; totp?: boolean }) =>
    withDatabase(async (db, platform) => {
      const prompter = new Prompter();
      try {
        const contact = parseContactOrFail(opts.email ?? (await prompter.ask("Email or phone: ")));
        const displayName = opts.name ?? (await prompter.ask("Name: "));
        const password =
          opts.password ??
          (await prompter.ask("Password (≥ 8 characters, letters and digits): ", { hidden: true }));
        const channels = otpChannelsOf(platform.config);
        // Without email or SMS, a code can reach nobody: the authenticator app is the only second factor.
        const withTotp = Boolean(opts.totp) || channels.length === 0;
        // One transaction: the account exists only once its app (when asked for) has shown a right code.
        const account = await db.transaction(PLATFORM_SCOPE, async (tx) => {
          const ctx = operatorCtx(PLATFORM_SCOPE, tx, platform);
          const row = await createAccount(tx, platform, {
            displayName,
            contact,
            password,
            platformRole: "platform_admin",
          });
          await audit(ctx, {
            action: "platform_admin.create",
            entity: "account",
            entityId: row.id,
          });
          if (withTotp) await enrolAuthenticator(ctx, row.id, prompter);
          return row;
        });
        console.log(`platform admin created: ${account.id}`);
        if (withTotp) console.log("Sign-in asks for the code of the authenticator app.");
        else console.log(`Sign-in from a new browser sends a one-time code by ${channels.join(" or ")}.`);
      } finally {
        prompter.close();
      }
    }),
  );

/**
 * Enrols an authenticator app for a new account: prints the otpauth URI and a terminal QR code, then asks
 * for a code from the app (3 tries; the caller's transaction rolls back after the third wrong one).
 */
async function enrolAuthenticator(ctx: Ctx, accountId: string, prompter: Prompter): Promise<void> {
  const { otpauthUrl } = await beginTotp(ctx, accountId);
  console.log(
    "\nScan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, " +
      "2FAS, …) or enter the URI by hand:\n",
  );
  console.log(await QRCode.toString(otpauthUrl, { type: "terminal", small: true }));
  console.log(`${otpauthUrl}\n`);
  for (let attempt = 1; ; attempt++) {
    const code = (await prompter.ask("Code shown by the app: ")).replace(/\s/g, "");
    try {
      await ctx.tx.execute(sql`savepoint totp_confirm`);
      await confirmTotp(ctx, accountId, code);
      return;
    } catch (err) {
      await ctx.tx.execute(sql`rollback to savepoint totp_confirm`);
      if (!(err instanceof AppError && err.code === "TOTP_INVALID") || attempt >= 3) {
        throw new Error(
          "The authenticator app was not confirmed: nothing was created. Run the command again.",
        );
      }
      console.log("That code is not right (is the phone's clock correct?). Try again.");
    }
  }
}

/** The context of an operator command: the system acting in one company, in English. */
const operatorCtx = (companyId: string, tx: Tx, platform: Platform, actor = systemActor): Ctx => ({
  companyId,
  actor,
  lang: "en",
  requestId: "cli",
  tx,
  platform,
  afterCommit: () => {},
});

/** A progress bar over the rows read, then the rows written; only on a terminal. */
function importProgress() {
  const bar = new SingleBar({ format: "{phase} {bar} {value}/{total} rows", clearOnComplete: true });
  let started = false;
  return {
    update({ phase, done, total }: Progress) {
      if (!stdout.isTTY) return;
      if (!started) bar.start(0, 0, { phase });
      started = true;
      bar.setTotal(phase === "read" ? done : total);
      bar.update(done, { phase: phase === "read" ? "reading" : "writing" });
    },
    stop: () => started && bar.stop(),
  };
}

program
  .command("import")
  .argument(
    "<sheet>",
    "units | residents | vehicles (the sheet a .csv file holds), or all (an .xlsx workbook)",
  )
  .argument("<file>", "the .xlsx workbook or .csv sheet")
  .requiredOption("--building <id>", "the building to import into")
  .option("--dry-run", "check every row and report what would change, writing nothing")
  .description(
    "import a building's units, residents and vehicles (every row is checked before any is written)",
  )
  .action((sheet: string, file: string, opts: { building: string; dryRun?: boolean }) =>
    withDatabase(async (db, platform) => {
      if (!["units", "residents", "vehicles", "all"].includes(sheet))
        throw new Error(`unknown sheet ${sheet}`);
      const progress = importProgress();
      try {
        const result = await importFromFile(db, platform, {
          buildingId: opts.building,
          file,
          sheet: sheet as ImportFileOptions["sheet"],
          dryRun: Boolean(opts.dryRun),
          onProgress: progress.update,
        });
        progress.stop();
        console.log(result.dryRun ? "dry run: nothing written" : "imported");
        console.table(result.counts);
      } catch (err) {
        progress.stop();
        if (!(err instanceof AppError)) throw err;
        const found = (err.details?.errors ?? []) as {
          sheet: string;
          row: number;
          column: string;
          message: string;
        }[];
        for (const e of found) console.error(`${e.sheet} row ${e.row}, ${e.column}: ${e.message}`);
        console.error(message("en", err.code, err.params));
        process.exitCode = 1;
      }
    }),
  );

const billing = program.command("billing").description("monthly billing");
billing
  .command("run")
  .requiredOption("--building <id>", "the building to bill")
  .requiredOption("--period <YYYY-MM>", "the month")
  .option("--issue", "issue the drafts once the run is done (numbers them)")
  .option(
    "--accept-flagged",
    "with --issue: issue drafts the review flags (missing readings, outliers, first notices) too; audited",
  )
  .description("bill a building for a month: one draft fee notice per unit; running it again changes nothing")
  .action((opts: { building: string; period: string; issue?: boolean; acceptFlagged?: boolean }) =>
    withDatabase(async (db, platform) => {
      const companyId = await companyOfBuilding(db, opts.building);
      const requester = {
        companyId,
        actor: { ...systemActor, role: "company_admin" as const },
        lang: "vi" as const,
        requestId: "cli",
      };
      const run = runFor(db, platform, createLogger("warn"), requester);
      const bar = new SingleBar({ format: "billing {bar} {value}/{total} units", clearOnComplete: true });
      let started = false;
      try {
        const done = await executeRun(run, { buildingId: opts.building, period: opts.period }, (p) => {
          if (!stdout.isTTY) return;
          if (!started) bar.start(p.total, 0);
          started = true;
          bar.update(p.done);
        });
        if (started) bar.stop();
        console.log(
          `${opts.period}: ${done.invoices} notices (${done.created} new, ${done.redrafted} redrafted, ${done.changedAfterIssue} issued ones would now differ), total ${formatVnd(done.total)}`,
        );
        if (opts.issue) {
          const input = { buildingId: opts.building, period: opts.period };
          const decide = opts.acceptFlagged ? ("accept-all" as const) : { decisions: [] };
          const issued = await run((ctx) => issueInvoices(ctx, input, decide));
          console.log(`issued ${issued.issued}${issued.firstNumber ? ` from ${issued.firstNumber}` : ""}`);
        }
      } catch (err) {
        if (started) bar.stop();
        if (!(err instanceof AppError)) throw err;
        console.error(message("en", err.code, { ...err.params, entity: "building" }));
        process.exitCode = 1;
      }
    }),
  );

program
  .command("audit")
  .command("verify")
  .description("walk every company's audit hash chain and report the first broken link")
  .action(() =>
    withDatabase(async (db) => {
      const bar = new SingleBar({ format: "verifying {bar} {value}/{total} chains", clearOnComplete: true });
      let started = false;
      const result = await verifyAuditChains(db, (done, total) => {
        if (!started && stdout.isTTY) {
          bar.start(total, 0);
          started = true;
        }
        if (started) bar.update(done);
      });
      if (started) bar.stop();
      if (result.broken) {
        const b = result.broken;
        console.error(`BROKEN: company ${b.companyId}, audit entry seq ${b.seq}: ${b.reason}`);
        process.exitCode = 1;
      } else {
        console.log(`OK: ${result.entries} entries in ${result.companies} chains verified`);
      }
    }),
  );

program
  .command("vietqr")
  .command("decode")
  .argument("<payload>", "the text a VietQR code holds")
  .description("check a VietQR payload (CRC, structure, fields) and print what it says; opens no database")
  .action((payload: string) => {
    try {
      console.log(JSON.stringify(decodeVietQr(payload.trim()), null, 2));
    } catch (err) {
      if (!(err instanceof VietQrError)) throw err;
      console.error(`error: ${err.code}: ${err.message}`);
      process.exitCode = 1;
    }
  });

program.parseAsync().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
