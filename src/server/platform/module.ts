import type { ModuleManifest, Platform, ResidentHomeCard, Schedule, WorkQueue } from "./context.js";

/** Declares a module: its `index.ts` exports the result, and `modules/index.ts` lists it. */
export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest;
}

/** Declares a card of the resident's home, its summary typed by its data's schema. */
export function defineHomeCard<T>(card: ResidentHomeCard<T>): ResidentHomeCard {
  return card as ResidentHomeCard;
}

/** Declares recurring work; `cron` reads in Vietnam's time. */
export function defineSchedule(
  name: string,
  cron: string,
  run: Schedule["run"],
  options: { when?: Schedule["when"] } = {},
): Schedule {
  return { name, cron, run, ...options };
}

/** Declares a queue of work for the console's inbox; the module lists it in its manifest's `workQueues`. */
export function defineWorkQueue(queue: WorkQueue): WorkQueue {
  return queue;
}

/** Every module's declarations of one kind, in module order. */
export function declared<K extends "schedules" | "tasks" | "templates">(
  platform: Pick<Platform, "modules">,
  kind: K,
): NonNullable<ModuleManifest[K]>[number][] {
  return platform.modules.flatMap((m): readonly NonNullable<ModuleManifest[K]>[number][] => m[kind] ?? []);
}

/** A typed place on the platform for something a module sets up once per app. */
export type Slot<T> = { get(platform: Platform): T | undefined; set(platform: Platform, value: T): void };

export function defineSlot<T>(description: string): Slot<T> {
  const key = Symbol(description);
  return {
    get: (platform) => platform.slots.get(key) as T | undefined,
    set: (platform, value) => {
      platform.slots.set(key, value);
    },
  };
}
