import type { Ctx } from "../../platform/context.js";
import { definePersonalData } from "../../platform/privacy/personal-data.js";
import { RETENTION } from "../../platform/privacy/purposes.js";
import { closeAccountForErasure, contactsOf, getAccount } from "./accounts.service.js";
import { listSessions } from "./sessions.service.js";

/** The person's account as they are shown it: names, contacts, language, and where they are signed in. */
async function accountOf(ctx: Ctx, accountId: string) {
  const [account, sessions] = await Promise.all([
    getAccount(ctx.tx, accountId),
    listSessions(ctx, { accountId, sessionId: "" }),
  ]);
  return {
    displayName: account.displayName,
    ...contactsOf(ctx.platform, account),
    lang: account.lang,
    createdAt: account.createdAt.toISOString(),
    sessions: sessions.items.map((s) => ({ device: s.deviceLabel, ip: s.ip, lastUsedAt: s.lastUsedAt })),
  };
}

const ACCOUNT_FIELDS = ["account.displayName", "account.email", "account.phone"];

export const accountsPersonalData = definePersonalData({
  fields: [
    {
      key: "account.displayName",
      label: { vi: "Tên hiển thị", en: "Display name" },
      purposes: ["account_security"],
      retention: RETENTION.whileAccount,
      records: ["account"],
      columns: ["accounts.display_name"],
    },
    {
      key: "account.email",
      label: { vi: "Email đăng nhập", en: "Sign-in email" },
      alsoCalled: ["contact"],
      purposes: ["account_security"],
      retention: RETENTION.whileAccount,
      records: ["account"],
      columns: ["accounts.email_enc", "accounts.email_bidx"],
    },
    {
      key: "account.phone",
      label: { vi: "Số điện thoại đăng nhập", en: "Sign-in phone" },
      purposes: ["account_security"],
      retention: RETENTION.whileAccount,
      records: ["account"],
      columns: ["accounts.phone_enc", "accounts.phone_bidx"],
    },
    {
      key: "account.sessions",
      label: { vi: "Phiên đăng nhập và thiết bị", en: "Sessions and devices" },
      purposes: ["account_security"],
      retention: RETENTION.whileAccount,
      records: ["account"],
      columns: ["sessions.ip", "sessions.user_agent", "devices.label"],
    },
  ],
  collect: async (ctx, owner) => ({ account: await accountOf(ctx, owner.accountId) }),
  // Last of the modules (they erase in reverse order): the account goes once nothing of the company names it.
  erase: async (ctx, person) => {
    if (!person.accountId) return { erased: [], tables: [], counts: { accountClosed: false } };
    const accountClosed = await closeAccountForErasure(ctx, person.accountId);
    return {
      erased: ["account.sessions", ...(accountClosed ? ACCOUNT_FIELDS : [])],
      tables: ["accounts", "sessions", "devices", "otp_codes"],
      counts: { accountClosed },
    };
  },
});
