/** Codes Intl names that are not countries (unions, pseudo-locales, "unknown region"). */
const NOT_COUNTRIES = new Set(["EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"]);

const displayNames = (lang: string) => new Intl.DisplayNames([lang], { type: "region", fallback: "none" });

/** A nationality stored as its ISO code (VN) read as the country's name in the UI language. */
export function countryName(code: string, lang: string): string {
  try {
    return displayNames(lang).of(code) ?? code;
  } catch {
    return code;
  }
}

const cache = new Map<string, { value: string; label: string }[]>();

/**
 * Every country the browser can name, sorted by name. Built from the two-letter codes themselves so
 * no list has to be shipped; deprecated codes (ZR, YU) canonicalise to others and are left out.
 */
export function countryOptions(lang: string): { value: string; label: string }[] {
  const cached = cache.get(lang);
  if (cached) return cached;
  const names = displayNames(lang);
  const options: { value: string; label: string }[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (NOT_COUNTRIES.has(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const label = names.of(code);
      if (label) options.push({ value: code, label });
    }
  }
  options.sort((a, b) => a.label.localeCompare(b.label, lang));
  cache.set(lang, options);
  return options;
}
