/**
 * Money: whole Vietnamese đồng held in a JS `number`, only while it is a safe integer.
 *
 * The amounts themselves are computed in SQL (`runs/charges.sql.ts`, PostgreSQL's `round(numeric)`); the
 * independent computation the tests compare them with lives in `test/oracles/money.oracle.ts`.
 */

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

const vndFormat = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });

/**
 * An amount as Vietnamese readers expect it: `1.234.567 ₫`.
 * @param n the amount in VND
 */
export function formatVnd(n: number | bigint): string {
  return vndFormat.format(typeof n === "bigint" ? n : assertVnd(n));
}
