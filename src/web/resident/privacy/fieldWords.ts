import { useTranslation } from "react-i18next";
import { formatDay } from "../../format.js";
import { countryName } from "./countries.js";

/** Field names as the server sends them, "resident.phone" (held data) or "phone" (a reveal). */
const FIELD_NAMES = [
  "fullName",
  "phone",
  "email",
  "dateOfBirth",
  "idNumber",
  "nationality",
  "contactAddress",
  "preferredLang",
  "plate",
  "membership",
] as const;
type FieldName = (typeof FIELD_NAMES)[number];

function fieldName(field: string): FieldName | null {
  const name = field.slice(field.indexOf(".") + 1);
  return FIELD_NAMES.find((known) => known === name) ?? null;
}

/** Words for the personal fields and how their values read. */
export function useFieldWords() {
  const { t, i18n } = useTranslation();
  return {
    label: (field: string) => {
      const name = fieldName(field);
      return name ? t(`myData.fields.${name}`) : field;
    },
    value: (field: string, value: string | null) => {
      const name = fieldName(field);
      if (value === null) return "—";
      if (name === "dateOfBirth" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
      if (name === "nationality" && /^[A-Z]{2}$/.test(value)) return countryName(value, i18n.language);
      if (name === "preferredLang" && (value === "vi" || value === "en")) return t(`language.${value}`);
      return value;
    },
  };
}
