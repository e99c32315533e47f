import { type QueryClient, useQuery } from "@tanstack/react-query";
import { api } from "../api.js";

/** The resident's home for a unit: the modules' cards, quick actions and tabs (GET /me/home). */
export type Home = Awaited<ReturnType<typeof fetchHome>>;
export type HomeCard = Home["cards"][number];
/** The data of the card with this key. */
export type CardData<K extends HomeCard["key"]> = Extract<HomeCard, { key: K }>["data"];

export const HOME_PATH = "/me/home";
/** The building's announcements sent to the person (resident/feed.ts); the live inbox refreshes it too. */
export const FEED_PATH = "/me/announcements";
/** The person's conversations with the management (resident/messages.ts), and one thread. */
export const MY_CONVERSATIONS_PATH = "/me/conversations";
export const CONVERSATIONS_PATH = "/conversations";

function fetchHome(unitId: string) {
  return api.GET(HOME_PATH, { params: { query: { unitId } } });
}

const homeQuery = (unitId: string) => ({
  queryKey: [HOME_PATH, unitId],
  queryFn: () => fetchHome(unitId),
  // Fresh for a little while: the prefetch at start-up and the first render must not ask twice.
  staleTime: 10_000,
});

export function useResidentHome(unitId: string | undefined) {
  return useQuery({ ...homeQuery(unitId ?? ""), enabled: unitId !== undefined });
}

const selectTabs = (home: Home) => home.tabs;

/** Only the home's tabs (the resident's bar): their reader renders again when they change, not with the cards. */
export function useResidentTabs(unitId: string | undefined) {
  return useQuery({ ...homeQuery(unitId ?? ""), enabled: unitId !== undefined, select: selectTabs });
}

/** Starts loading the home of the unit the resident will see (see units.ts) while the app's code loads. */
export function prefetchHome(queryClient: QueryClient, unitIds: readonly string[], stored: string | null) {
  const unitId = unitIds.find((id) => id === stored) ?? unitIds[0];
  if (unitId) void queryClient.prefetchQuery(homeQuery(unitId));
}
