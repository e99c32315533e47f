import type { Lang } from "../../../contracts/common.js";
import type { PersonalDataProvider, PersonalField, Platform } from "../context.js";
import { PURPOSES } from "./purposes.js";

/**
 * Declares where a module keeps personal data and how the privacy center shows, holds and erases it; the
 * module lists the result under `personalData` in its manifest.
 */
export function definePersonalData(provider: PersonalDataProvider): PersonalDataProvider {
  return provider;
}

type Modules = Pick<Platform, "modules">;

/** Every module's providers, in module order. */
export function personalDataProviders(platform: Modules): PersonalDataProvider[] {
  return platform.modules.flatMap((m) => m.personalData ?? []);
}

/** A field with the records and columns of every copy other modules keep of it. */
export type CatalogField = PersonalField & { stored: readonly string[]; entities: readonly string[] };
export type FieldCatalog = ReadonlyMap<string, CatalogField>;

const catalogs = new WeakMap<readonly unknown[], FieldCatalog>();

/**
 * Every stored field of personal data, from the modules' providers: a field not listed has no business being
 * stored (a test holds the tables to it). Built once per module list.
 */
export function personalFields(platform: Modules): FieldCatalog {
  const cached = catalogs.get(platform.modules);
  if (cached) return cached;
  const providers = personalDataProviders(platform);
  const catalog = new Map<string, CatalogField>();
  for (const field of providers.flatMap((p) => p.fields)) {
    if (catalog.has(field.key)) throw new Error(`personal field ${field.key} is declared twice`);
    catalog.set(field.key, { ...field, stored: field.columns, entities: field.records });
  }
  for (const copy of providers.flatMap((p) => p.copies ?? [])) {
    const field = catalog.get(copy.of);
    if (!field) throw new Error(`a copy of ${copy.of}, which no module declares`);
    catalog.set(copy.of, {
      ...field,
      stored: [...field.stored, ...copy.columns],
      entities: [...new Set([...field.entities, ...(copy.records ?? [])])],
    });
  }
  catalogs.set(platform.modules, catalog);
  return catalog;
}

export function describeField(fields: FieldCatalog, key: string, lang: Lang) {
  const info = fields.get(key);
  if (!info) throw new Error(`personal field ${key} is not in the registry`);
  return {
    purposes: info.purposes.map((p) => ({ id: p, name: PURPOSES[p][lang] })),
    retention: info.retention[lang],
  };
}

export const fieldLabel = (fields: FieldCatalog, key: string, lang: Lang) =>
  fields.get(key)?.label[lang] ?? key;

/**
 * The personal field a change to a record holds, if any: `("access_card", "number")` is `card.number`.
 * Read from the providers, so a field a module declares is masked in the audit log without further code.
 */
export function personalFieldOf(fields: FieldCatalog, entity: string, key: string): string | null {
  for (const info of fields.values()) {
    if (!info.entities.includes(entity)) continue;
    const name = info.key.slice(info.key.indexOf(".") + 1);
    if (name === key || info.alsoCalled?.includes(key)) return info.key;
  }
  return null;
}
