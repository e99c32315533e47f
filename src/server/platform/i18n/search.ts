/** Vietnamese text without diacritics, lower-cased, spaces collapsed: "Nguyễn Văn Đức" → "nguyen van duc". */
export function searchText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const withCapitals = VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toUpperCase();

/**
 * The two strings of an SQL `translate()` that strips Vietnamese diacritics as searchText() does (then
 * `lower()`, which folds only ASCII letters under the C locale, finishes the job): for a search by name without
 * diacritics in a column that has no folded copy.
 */
export const FOLD_FROM = withCapitals;
export const FOLD_TO = [...withCapitals].map((c) => searchText(c)).join("");
