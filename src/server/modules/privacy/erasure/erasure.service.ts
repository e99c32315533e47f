import type { ErasureOutcome } from "../../../../contracts/privacy.js";
import { audit } from "../../../platform/audit/audit.service.js";
import type { Ctx, ErasureHold, ErasureSubject } from "../../../platform/context.js";
import { errors } from "../../../platform/errors.js";
import { message } from "../../../platform/i18n/messages.js";
import {
  fieldLabel,
  personalDataProviders,
  personalFields,
} from "../../../platform/privacy/personal-data.js";
import { markErasurePending, openResidentFields, residentFacts } from "../../registry/index.js";

type Hold = ErasureOutcome["kept"][number];

const compactions = new WeakMap<object, Set<string>>();
/** Compacts the tables once the transaction has committed, once per transaction however many it erased. */
function compactAfterCommit(ctx: Ctx, tables: readonly string[]) {
  let pending = compactions.get(ctx.afterCommit);
  if (!pending) {
    const set = new Set<string>();
    pending = set;
    compactions.set(ctx.afterCommit, set);
    ctx.afterCommit(() => ctx.platform.compactTables([...set]));
  }
  for (const t of tables) pending.add(t);
}

/** What keeps part of the person's data from erasure now, asked of every module that holds some. */
export async function erasureHolds(ctx: Ctx, person: ErasureSubject): Promise<ErasureHold[]> {
  const holds = [];
  for (const provider of personalDataProviders(ctx.platform)) {
    if (provider.holds) holds.push(...(await provider.holds(ctx, person)));
  }
  return holds;
}

/** Whether a hold stops the erasure from finishing (it keeps fields until it ends, not for a set period). */
export const blocksErasure = (hold: ErasureHold) => hold.keeps === "everything" || hold.keeps.length > 0;

const toOutcome = ({ what, reason, until }: ErasureHold): Hold => ({ what, reason, until });

/**
 * Erases a resident as far as the law allows, now. Holds are checked first: an open dispute keeps everything;
 * an unpaid notice keeps the name, address and contacts needed to collect it; issued notices keep the name
 * they were issued to for the accounting period. Everything else goes, module by module, in reverse module
 * order so what depends on the account goes before it: the data key is destroyed (so every field and log
 * detail sealed with it is unreadable), the registry rows are anonymised, the account is closed (or, if it
 * serves another company, signed out everywhere). The person is told what went and what stays.
 */
export async function eraseResident(
  ctx: Ctx,
  residentId: string,
  why: { requestId?: string; retention?: boolean },
) {
  const person = await residentFacts(ctx, residentId);
  if (!person) throw errors.notFound("resident");
  const [contact] = await openResidentFields(ctx, [residentId]);
  const holds = await erasureHolds(ctx, person);
  const executedAt = new Date().toISOString();
  const everything = holds.filter((h) => h.keeps === "everything");
  if (everything.length > 0) {
    const kept = everything.map(toOutcome);
    await markErasurePending(ctx, residentId);
    await record(ctx, residentId, why, [], kept);
    return { executedAt, erased: [], kept };
  }
  const keep = new Set(holds.flatMap((h) => (h.keeps === "everything" ? [] : h.keeps)));
  const erasedFields: string[] = [];
  const tables: string[] = [];
  let counts: Record<string, unknown> = {};
  for (const provider of personalDataProviders(ctx.platform).reverse()) {
    if (!provider.erase) continue;
    const step = await provider.erase(ctx, person, keep);
    erasedFields.push(...step.erased);
    tables.push(...step.tables);
    counts = { ...counts, ...step.counts };
  }
  const fields = personalFields(ctx.platform);
  const erased = erasedFields.map((f) => fieldLabel(fields, f, person.lang));
  const kept = holds.map(toOutcome);
  await record(ctx, residentId, why, erased, kept, counts);
  const outcome = { executedAt, erased, kept };
  compactAfterCommit(ctx, tables);
  if (contact) tellPerson(ctx, contact.values, contact.lang, outcome);
  return outcome;
}

/** One audit entry, holding references and counts only (the entry outlives the person's data). */
async function record(
  ctx: Ctx,
  residentId: string,
  why: { requestId?: string; retention?: boolean },
  erased: string[],
  kept: Hold[],
  counts: Record<string, unknown> = {},
) {
  await audit(ctx, {
    action: kept.length > 0 && erased.length === 0 ? "privacy.erasure_held" : "privacy.erasure",
    entity: "resident",
    entityId: residentId,
    changes: {
      request: why.requestId ?? null,
      retention: why.retention ?? false,
      erased: erased.length,
      kept: kept.map((k) => k.until ?? "while held"),
      ...counts,
    },
  });
}

/** The person learns, at the address they gave, what was erased and what is kept and why (after the commit). */
function tellPerson(
  ctx: Ctx,
  values: Record<string, string | null>,
  lang: "vi" | "en",
  outcome: ErasureOutcome,
) {
  const email = values["resident.email"];
  const phone = values["resident.phone"];
  const kept = outcome.kept
    .map((k) => `- ${k.what}: ${k.reason}${k.until ? ` (${k.until})` : ""}`)
    .join("\n");
  const text = message(lang, "ERASURE_DONE_TEXT", {
    erased: outcome.erased.join(", ") || "—",
    kept: kept || message(lang, "ERASURE_NOTHING_KEPT"),
  });
  ctx.afterCommit(async () => {
    if (email) {
      await ctx.platform.messenger.send({
        channel: "email",
        to: email,
        subject: message(lang, "ERASURE_DONE_SUBJECT"),
        text,
      });
    } else if (phone && ctx.platform.messenger.available("sms")) {
      await ctx.platform.messenger.send({
        channel: "sms",
        to: phone,
        text: message(lang, "ERASURE_DONE_SMS"),
      });
    }
  });
}
