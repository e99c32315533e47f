import { BANKS } from "../../contracts/banks.js";

/** The banks for a searchable select, by their common name then legal name, in Vietnamese order. */
export const BANK_OPTIONS = [...BANKS]
  .sort((a, b) => a.shortName.localeCompare(b.shortName, "vi"))
  .map((bank) => ({ value: bank.bin, label: `${bank.shortName} — ${bank.name}` }));
