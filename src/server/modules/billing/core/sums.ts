import { MAX_VND } from "../../../../contracts/billing.js";
import type { Lang } from "../../../../contracts/common.js";
import { AppError, errors } from "../../../platform/errors.js";

/**
 * Sums of money as they come back from SQL (`sum()` of bigint is numeric, sent as text) turned into a JS
 * `number` only when it holds them exactly: beyond ±(2^53 − 1) đ the answer is a clear 422
 * `AMOUNT_OUT_OF_RANGE`, never a silently rounded figure or a 500.
 * @param value the SQL value (text of an integer, a number, or a bigint)
 * @param what names the figure in the error
 */
export function exactVnd(value: string | number | bigint | null | undefined, what = "amount"): number {
  if (value === null || value === undefined) return 0;
  let n: bigint;
  try {
    n = typeof value === "bigint" ? value : BigInt(typeof value === "number" ? value : value.trim());
  } catch {
    throw new RangeError(`${what}: ${String(value)} is not a whole number of đồng`);
  }
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw errors.rule("AMOUNT_OUT_OF_RANGE", { what });
  }
  return Number(n);
}

/** Adds amounts exactly (bigint) and checks the sum: the running sums of statements and dashboards. */
export function addVnd(values: Iterable<number | string | bigint>, what = "total"): number {
  let sum = 0n;
  for (const v of values) sum += typeof v === "bigint" ? v : BigInt(v);
  return exactVnd(sum, what);
}

/** The largest amount a computed line (or its VAT) may reach, like any money input: 10^12 đ. */
export const MAX_LINE_VND = MAX_VND;

/**
 * The refusal of a computed line (price × quantity, or its VAT) beyond {@link MAX_LINE_VND}: 422
 * `LINE_AMOUNT_TOO_LARGE`, naming the unit and the amount.
 */
export function lineTooLarge(ctx: { lang: Lang }, unitCode: string, amount: string): AppError {
  const shown = new Intl.NumberFormat(ctx.lang === "vi" ? "vi-VN" : "en-US").format(BigInt(amount));
  return new AppError(
    422,
    "LINE_AMOUNT_TOO_LARGE",
    { unitCode, amount: shown },
    { unitCode, amount, max: MAX_LINE_VND },
  );
}
