import type { TestEnv } from "./app.js";
import { Client } from "./client.js";

let nextHost = 1;

export type ResidentInput = {
  fullName: string;
  email: string;
  phone?: string;
  dateOfBirth?: string;
  idNumber?: string;
  role?: "owner" | "tenant" | "member";
  /** A tenant's lease end (required for tenants). */
  leaseEndsOn?: string;
};

/**
 * Opens the invitation last mailed to an address and accepts it with a new password, from an address of its own
 * (accepting invitations is rate-limited per IP), as the invited person does: their signed-in client, and what
 * the invitation page showed before sign-up.
 */
export async function acceptMailedInvitation(env: TestEnv, email: string, password: string) {
  // The mail goes out after the commit, through SMTP: wait for it rather than hope it has arrived.
  let token: string | undefined;
  for (let i = 0; i < 250 && !token; i++) {
    const mail = env.smtp.mails.findLast((m) => m.to.includes(email))?.raw.replace(/=\r?\n/g, "") ?? "";
    token = mail.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) await new Promise((r) => setTimeout(r, 20));
  }
  if (!token) throw new Error(`no invitation mailed to ${email}`);
  const client = new Client(env.app, {
    ip: `10.${nextHost >> 8}.${nextHost & 255}.${(nextHost++ % 250) + 1}`,
  });
  const preview = (await client.get(`/api/v1/invitations/${token}`)).body;
  const accepted = await client.post(`/api/v1/invitations/${token}/accept`, { password });
  if (accepted.status !== 200) throw new Error(`accept ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { client, preview };
}

/**
 * A household member added by staff, invited by email and signed in through the invitation link: the way a
 * real resident gets an account. Answers their signed-in client and ids.
 */
export async function newResident(env: TestEnv, staff: Client, unitId: string, person: ResidentInput) {
  const { role = "owner", ...fields } = person;
  const added = await staff.post(`/api/v1/units/${unitId}/household`, { role, ...fields });
  if (added.status !== 201) throw new Error(`add member ${added.status} ${JSON.stringify(added.body)}`);
  const invited = await staff.post(`/api/v1/units/${unitId}/household/${added.body.id}/invite`);
  if (invited.status !== 201) throw new Error(`invite ${invited.status} ${JSON.stringify(invited.body)}`);
  const { client, preview } = await acceptMailedInvitation(env, person.email, "Cu-dan-2026");
  const me = await client.get("/api/v1/auth/me");
  return {
    client,
    memberId: added.body.id as string,
    residentId: added.body.resident.id as string,
    accountId: me.body.account.id as string,
    /** What the invitation page showed before sign-up (the consent boxes' sentences among it). */
    preview,
  };
}
