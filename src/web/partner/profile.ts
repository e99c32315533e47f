import { useQuery } from "@tanstack/react-query";
import { api } from "../api.js";
import { PROFILE_PATH } from "../marketplace/marketplace.js";

/** The partner the signed-in person works for: its name, and the buildings it serves. It seldom changes. */
export function usePartnerProfile() {
  return useQuery({
    queryKey: [PROFILE_PATH],
    queryFn: () => api.GET(PROFILE_PATH),
    staleTime: 5 * 60_000,
  });
}
