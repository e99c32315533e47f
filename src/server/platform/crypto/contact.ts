/** Email and Vietnamese phone numbers: parsing, normalising (for blind indexes) and masking. */

export type Contact = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** 0912 345 678, 0912.345.678, +84 912 345 678, 84912345678 → 0912345678 (10 digits, mobile prefixes 3,5,7,8,9). */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return /^0[35789]\d{8}$/.test(digits) ? digits : null;
}

export function normaliseEmail(input: string): string | null {
  const v = input.trim().toLowerCase();
  return v.length <= 254 && EMAIL.test(v) ? v : null;
}

export function parseContact(input: string): Contact | null {
  const trimmed = input.trim();
  if (trimmed.includes("@")) {
    const email = normaliseEmail(trimmed);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalisePhone(trimmed);
  return phone ? { kind: "phone", value: phone } : null;
}

export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, Math.min(2, local.length - 1))}***@${domain}`;
}

/** 0912345678 → 0912 *** 678 */
export const maskPhone = (phone: string) => `${phone.slice(0, 4)} *** ${phone.slice(-3)}`;

/** 0912345678 → 0912 345 678 */
export const formatPhone = (phone: string) => `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;

export const maskContact = (c: Contact) => (c.kind === "email" ? maskEmail(c.value) : maskPhone(c.value));
