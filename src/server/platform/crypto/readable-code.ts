import { randomInt } from "node:crypto";

/** Letters and digits nobody misreads on a phone screen (no 0/O, 1/I/L). */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A random code a person reads out or types at a desk (guest passes, bookings): `length` characters. */
export const readableCode = (length = 8) =>
  Array.from({ length }, () => ALPHABET[randomInt(0, ALPHABET.length)]).join("");
