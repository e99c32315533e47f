import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's minimum memory cost.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // An account without a password still costs one verification, so timing does not reveal it.
  return verify(passwordHash ?? (await dummyHash), password).catch(() => false);
}

/** At least 8 characters with a letter and a digit. */
export const isStrongPassword = (p: string) => p.length >= 8 && /\p{L}/u.test(p) && /\d/.test(p);

const dummyHash = hashPassword("no-such-account-0");
