// The unit this browser last looked at, kept apart from units.ts (which brings the area's texts) because the
// first load reads it to fetch the home before the resident area's code has arrived.

const STORAGE_KEY = "cc.resident.unit";

/** The unit this browser last looked at. */
export function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the unit chosen in this browser. */
export function storeUnit(unitId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, unitId);
  } catch {
    // Storage unavailable (private mode): the choice lasts for this page only.
  }
}
