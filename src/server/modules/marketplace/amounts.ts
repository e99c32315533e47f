/** The VAT a VAT-inclusive amount holds, rounded to the đồng: amount × rate / (100 + rate). */
export const vatIncluded = (amount: number, rate: number) => Math.round((amount * rate) / (100 + rate));

/**
 * The management's commission on one order: hundredths of a percent of its total (rounded to the đồng), or a
 * fixed amount, never more than the order.
 */
export function commissionOf(terms: { commissionKind: string; commissionValue: number }, total: number) {
  return terms.commissionKind === "percent"
    ? Math.round((total * terms.commissionValue) / 10_000)
    : Math.min(terms.commissionValue, total);
}

/** The first name a partner calls the recipient by: the last word of a Vietnamese full name. */
export const firstNameOf = (fullName: string) => fullName.trim().split(/\s+/).at(-1) ?? "";
