import { z } from "zod";
import { Area, CompanyRole, Lang, Uuid } from "./common.js";

/** Email address or Vietnamese phone number (0912345678, +84912345678). */
export const Identifier = z.string().trim().min(3).max(254);
export const Password = z.string().min(8).max(200);
export const OtpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

export const SignInBody = z.object({
  identifier: Identifier,
  password: z.string().min(1).max(200),
});

/** One place a person can act: a role in a company (or the platform). */
export const Context = z.object({
  id: z.string().describe("membership id, or 'platform' for the platform admin"),
  companyId: Uuid.nullable(),
  companyName: z.string().nullable(),
  role: z.union([CompanyRole, z.literal("platform_admin")]),
  area: Area,
  buildingIds: z.array(Uuid),
  unitIds: z.array(Uuid),
});
export type Context = z.infer<typeof Context>;

/**
 * What the person may do in the current context with each kind of resource as a whole (kind → action → yes/no),
 * as the server's policies decide: the web opens sections and shows buttons from these, never from role lists.
 */
export const AreaAbilities = z.record(z.string(), z.record(z.string(), z.boolean()));
export type AreaAbilities = z.infer<typeof AreaAbilities>;

export const Me = z.object({
  account: z.object({
    id: Uuid,
    displayName: z.string(),
    email: z.string().nullable().describe("masked"),
    phone: z.string().nullable().describe("masked"),
    lang: Lang,
    totpEnabled: z.boolean(),
  }),
  contexts: z.array(Context),
  current: Context.nullable(),
  abilities: AreaAbilities,
  reauthUntil: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const OtpChannel = z.enum(["email", "sms"]);

export const SignInResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("signed_in"), me: Me }),
  z.object({
    status: z.literal("otp_required"),
    channel: OtpChannel,
    destination: z.string().describe("masked email or phone the code went to"),
    channels: z.array(OtpChannel),
    expiresAt: z.string(),
  }),
  z.object({ status: z.literal("totp_required") }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

export const OtpVerifyBody = z.object({ code: OtpCode, rememberDevice: z.boolean().default(false) });
export const OtpResendBody = z.object({ channel: OtpChannel.optional() });
export const ContextBody = z.object({ contextId: z.string().min(1).max(64) });

export const ReauthBody = z.union([
  z.object({ password: z.string().min(1).max(200) }),
  z.object({ code: OtpCode }),
]);
export const ReauthResult = z.object({ reauthUntil: z.string() });

export const ForgotBody = z.object({ identifier: Identifier });
export const ResetBody = z.object({ identifier: Identifier, code: OtpCode, newPassword: Password });

export const UpdateMeBody = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  lang: Lang.optional(),
});
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const Session = z.object({
  id: Uuid,
  current: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  deviceLabel: z.string().nullable(),
});
export const SessionList = z.object({ items: z.array(Session) });

export const Device = z.object({
  id: Uuid,
  label: z.string(),
  current: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  /** Until when it skips the one-time code; only remembered devices are listed. */
  trustedUntil: z.string(),
});
export const DeviceList = z.object({ items: z.array(Device) });

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const TotpEnableBody = z.object({ code: OtpCode });
