import { useQuery } from "@tanstack/react-query";
import { api } from "../api.js";

/** The resident's home for a unit: the modules' cards, quick actions and tabs (GET /me/home). */
export type Home = Awaited<ReturnType<typeof fetchHome>>;
export type HomeCard = Home["cards"][number];
/** The data of the card with this key. */
export type CardData<K extends HomeCard["key"]> = Extract<HomeCard, { key: K }>["data"];

const HOME_PATH = "/me/home";

function fetchHome(unitId: string) {
  return api.GET(HOME_PATH, { params: { query: { unitId } } });
}

export function useResidentHome(unitId: string | undefined) {
  return useQuery({
    queryKey: [HOME_PATH, unitId],
    queryFn: () => fetchHome(unitId as string),
    enabled: unitId !== undefined,
  });
}
