import type { CompanyProfile, CompanyProfileBody, SenderNamesBody } from "../../../contracts/settings.js";
import { LOGO_MAX_BYTES } from "../../../contracts/settings.js";
import { audit, diff } from "../../platform/audit/audit.service.js";
import { abilitiesOf } from "../../platform/authz/can.js";
import type { Ctx } from "../../platform/context.js";
import { sha256 } from "../../platform/crypto/crypto.js";
import { errors } from "../../platform/errors.js";
import { companySettingsPolicy } from "./companies.policy.js";
import { findCompany, findLogo, mergeSettings, setLogo, updateProfile } from "./companies.repo.js";

async function loadCompany(ctx: Ctx) {
  const company = await findCompany(ctx.tx, { id: ctx.companyId });
  if (!company) throw errors.notFound("company");
  return company;
}

type Company = Awaited<ReturnType<typeof loadCompany>>;

const profileOf = (c: Company): CompanyProfileBody => ({
  name: c.name,
  legalName: c.legalName,
  taxCode: c.taxCode,
  address: c.address,
  hotline: c.hotline,
  email: c.email,
});

function present(ctx: Ctx, c: Company): CompanyProfile {
  return {
    id: c.id,
    ...profileOf(c),
    logoUrl: c.hasLogo ? `/api/v1/company/logo?v=${c.logoVersion}` : null,
    senders: {
      emailSenderName: c.settings.emailSenderName ?? null,
      smsSenderName: c.settings.smsSenderName ?? null,
    },
    abilities: abilitiesOf(ctx.actor, companySettingsPolicy, undefined as never),
  };
}

/** The company's profile as its settings page shows it. */
export async function getCompanyProfile(ctx: Ctx): Promise<CompanyProfile> {
  return present(ctx, await loadCompany(ctx));
}

/** Replaces the company's profile (what every document prints); the change is audited field by field. */
export async function saveCompanyProfile(ctx: Ctx, body: CompanyProfileBody): Promise<CompanyProfile> {
  const before = await loadCompany(ctx);
  await updateProfile(ctx.tx, { id: ctx.companyId, values: body });
  await audit(ctx, {
    action: "company.profile.update",
    entity: "company",
    entityId: ctx.companyId,
    changes: diff(profileOf(before), body),
  });
  return getCompanyProfile(ctx);
}

/** Sets the names emails and texts go out under. */
export async function saveSenderNames(ctx: Ctx, body: SenderNamesBody): Promise<CompanyProfile> {
  const before = await loadCompany(ctx);
  await mergeSettings(ctx.tx, { id: ctx.companyId, patch: body });
  await audit(ctx, {
    action: "company.senders.update",
    entity: "company",
    entityId: ctx.companyId,
    changes: diff(
      {
        emailSenderName: before.settings.emailSenderName ?? null,
        smsSenderName: before.settings.smsSenderName ?? null,
      },
      body,
    ),
  });
  return getCompanyProfile(ctx);
}

/** What the file's first bytes say it is: PNG and JPEG only (what PDFKit prints and every browser shows). */
function imageType(data: Buffer): "image/png" | "image/jpeg" | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "image/png";
  }
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  return null;
}

/**
 * Stores a new logo. The file's own bytes decide its type (not the name or the header it came with), so an
 * SVG or an HTML page sent as image/png is refused. The audit entry holds its size and digest.
 */
export async function uploadLogo(ctx: Ctx, data: Buffer): Promise<CompanyProfile> {
  if (data.length > LOGO_MAX_BYTES) {
    throw errors.rule("LOGO_TOO_LARGE", { limitKb: Math.round(LOGO_MAX_BYTES / 1024) });
  }
  const type = imageType(data);
  if (!type) throw errors.rule("LOGO_TYPE_INVALID");
  const before = await loadCompany(ctx);
  await setLogo(ctx.tx, { id: ctx.companyId, logo: { data, type } });
  await audit(ctx, {
    action: "company.logo.update",
    entity: "company",
    entityId: ctx.companyId,
    changes: {
      logo: [before.hasLogo ? "replaced" : null, { type, bytes: data.length, sha256: sha256(data) }],
    },
  });
  return getCompanyProfile(ctx);
}

/** Removes the logo; with `version`, only when it is still the one the person saw. */
export async function removeLogo(ctx: Ctx, version?: number): Promise<CompanyProfile> {
  const before = await loadCompany(ctx);
  if (!before.hasLogo) throw errors.rule("LOGO_MISSING");
  if (version !== undefined && version !== before.logoVersion) throw errors.inUse("LOGO_CHANGED");
  await setLogo(ctx.tx, { id: ctx.companyId, logo: null });
  await audit(ctx, {
    action: "company.logo.remove",
    entity: "company",
    entityId: ctx.companyId,
    changes: {},
  });
  return getCompanyProfile(ctx);
}

/** The company's logo image, or null without one. */
export async function companyLogo(ctx: Ctx) {
  return findLogo(ctx.tx, { id: ctx.companyId });
}

/** The company as every document prints it: the one place fee notices, reports and registers read it from. */
export type Letterhead = {
  /** The legal name when one is set, else the short name. */
  name: string;
  shortName: string;
  taxCode: string | null;
  address: string | null;
  hotline: string | null;
  email: string | null;
  logo: { data: Buffer; type: string } | null;
};

/**
 * The company's letterhead. The logo is read only when `withLogo` (the fee notice prints it; reports and
 * registers do not), so most callers do not load the image.
 */
export async function companyLetterhead(ctx: Ctx, opts: { withLogo?: boolean } = {}): Promise<Letterhead> {
  const c = await loadCompany(ctx);
  const logo = opts.withLogo && c.hasLogo ? await findLogo(ctx.tx, { id: ctx.companyId }) : null;
  return {
    name: c.legalName ?? c.name,
    shortName: c.name,
    taxCode: c.taxCode,
    address: c.address,
    hotline: c.hotline,
    email: c.email,
    logo: logo ? { data: logo.data, type: logo.type } : null,
  };
}

/** The names messages go out under, null where the company set none (the installation's default applies). */
export async function senderNames(ctx: Ctx): Promise<SenderNamesBody> {
  const c = await loadCompany(ctx);
  return {
    emailSenderName: c.settings.emailSenderName ?? null,
    smsSenderName: c.settings.smsSenderName ?? null,
  };
}
