import { useQuery } from "@tanstack/react-query";
import { api } from "../../api.js";

export const BUILDINGS_PATH = "/buildings";

/** The company's buildings for pickers and names: the first 100, the most a page may hold. */
export function useAllBuildings() {
  const query = { page: 1, pageSize: 100 };
  return useQuery({
    queryKey: [BUILDINGS_PATH, query],
    queryFn: () => api.GET(BUILDINGS_PATH, { params: { query } }),
  });
}

/** One building, under the buildings path so that editing buildings or units refreshes it; none while `id` is empty. */
export function useBuilding(id: string) {
  return useQuery({
    queryKey: [BUILDINGS_PATH, id],
    queryFn: () => api.GET("/buildings/{id}", { params: { path: { id } } }),
    enabled: id !== "",
  });
}
