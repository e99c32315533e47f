/**
 * ORACLE (test code, not product code): the billing arithmetic computed independently of the product's SQL,
 * exactly with bigint and rounded once, half away from zero. Tests compare the billing run's lines with it.
 */

const QUANTITY_SCALE = 10_000n;
const RATE_SCALE = 100n;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Checks that a value is a whole number of đồng that a `number` holds exactly.
 * @param value the amount in VND
 * @param what names the value in the error message
 * @returns the value itself
 * @throws RangeError when it is not a safe integer
 */
export function assertVnd(value: number, what = "amount"): number {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`${what} must be a whole number of đồng, got ${value}`);
  return value;
}

function toVnd(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${value} is beyond the range of exact amounts`);
  }
  return Number(value);
}

/**
 * Divides and rounds to a whole number, half away from zero.
 *
 * This is PostgreSQL's `round(numeric)`, which the set-based SQL billing run uses: both must agree to the đồng.
 * @param numerator the dividend
 * @param denominator the divisor, not zero
 */
export function roundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/**
 * Reads a decimal with at most `places` decimal places as an integer scaled by 10^places.
 * A number is read from its shortest decimal form, so 75.5 is 75.5 and 0.1 + 0.2 is refused.
 */
function scaledDecimal(value: string | number, places: number, what: string): bigint {
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`${what} must be finite`);
  const match = DECIMAL.exec(typeof value === "number" ? String(value) : value.trim());
  const fraction = match?.[3] ?? "";
  if (!match || fraction.length > places) {
    throw new RangeError(`${what} must be a decimal with at most ${places} decimal places, got ${value}`);
  }
  const digits = BigInt(`${match[2]}${fraction.padEnd(places, "0")}`);
  return match[1] === "-" ? -digits : digits;
}

/**
 * The amount of a line: quantity × unit price, rounded to the đồng.
 * @param quantity a decimal with up to 4 decimal places (area "75.50" m², a prorated "0.5333"); negative for a credit
 * @param unitPrice the price of one unit in VND
 */
export function lineAmount(quantity: string | number, unitPrice: number): number {
  const q = scaledDecimal(quantity, 4, "quantity");
  return toVnd(roundHalfAway(q * BigInt(assertVnd(unitPrice, "unit price")), QUANTITY_SCALE), "line amount");
}

/**
 * The VAT on an amount, rounded to the đồng by the same rule as the lines.
 * @param amount the amount before VAT in VND
 * @param ratePercent the rate in percent with up to 2 decimals: 0, 5, 8, 10, 8.5
 */
export function vatOf(amount: number, ratePercent: number): number {
  const rate = scaledDecimal(ratePercent, 2, "VAT rate");
  if (rate < 0n || rate > 100n * RATE_SCALE)
    throw new RangeError(`VAT rate must be 0–100 %, got ${ratePercent}`);
  return toVnd(roundHalfAway(BigInt(assertVnd(amount)) * rate, 100n * RATE_SCALE), "VAT");
}

/**
 * The part of an amount for some of the days of a period, rounded to the đồng.
 * @param amount the amount for the whole period in VND
 * @param days the days to charge, 0 to daysInPeriod
 * @param daysInPeriod the days of the whole period
 */
export function prorate(amount: number, days: number, daysInPeriod: number): number {
  if (!Number.isSafeInteger(daysInPeriod) || daysInPeriod < 1) {
    throw new RangeError(`days in period must be a positive whole number, got ${daysInPeriod}`);
  }
  if (!Number.isSafeInteger(days) || days < 0 || days > daysInPeriod) {
    throw new RangeError(`days must be a whole number from 0 to ${daysInPeriod}, got ${days}`);
  }
  return toVnd(
    roundHalfAway(BigInt(assertVnd(amount)) * BigInt(days), BigInt(daysInPeriod)),
    "prorated amount",
  );
}

/**
 * Adds amounts, checking that every term and the total stay exact.
 * @param amounts amounts in VND
 */
export function sumVnd(amounts: readonly number[]): number {
  let total = 0n;
  for (const a of amounts) total += BigInt(assertVnd(a));
  return toVnd(total, "total");
}
