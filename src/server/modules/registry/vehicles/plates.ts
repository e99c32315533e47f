/**
 * Vietnamese licence plates. Cars: province code, one or two series letters, 4 or 5 digits ("51A-123.45",
 * old "51A-1234", "30LD-123.45"). Motorbikes: province code, series letter(s) with a digit, 4 or 5 digits
 * ("59-X1 234.56"; electric motorbikes use the MĐ series, "29-MĐ1 123.45").
 */
export type PlateKind = "car" | "motorbike";

const CAR = /^(\d{2})([A-Z]{1,2})(\d{4,5})$/;
const MOTORBIKE = /^(\d{2})([A-ZĐ]{1,2}\d)(\d{4,5})$/;

/** Upper-case, without spaces, dots or dashes: the form blind indexes and uniqueness use. */
export function normalisePlate(input: string): string {
  return input
    .normalize("NFC")
    .toUpperCase()
    .replace(/[\s.\-_]/g, "");
}

/** The plate written the usual way, or null when it is not a plate of that kind. */
export function formatPlate(input: string, kind: PlateKind): string | null {
  const plate = normalisePlate(input);
  const m = (kind === "car" ? CAR : MOTORBIKE).exec(plate);
  if (!m) return null;
  const [, province, series, digits = ""] = m;
  const number = digits.length === 5 ? `${digits.slice(0, 3)}.${digits.slice(3)}` : digits;
  return kind === "car" ? `${province}${series}-${number}` : `${province}-${series} ${number}`;
}

export const plateKindOf = (vehicleType: string): PlateKind | null =>
  vehicleType === "car" || vehicleType === "electric_car"
    ? "car"
    : vehicleType === "motorbike" || vehicleType === "electric_motorbike"
      ? "motorbike"
      : null;
