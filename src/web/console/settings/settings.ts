import { useQuery } from "@tanstack/react-query";
import { api } from "../../api.js";

export const PROFILE_PATH = "/company/profile";

/** The company's profile (every staff member reads it; the console header shows its logo). */
export function useCompanyProfile(enabled = true) {
  return useQuery({
    queryKey: [PROFILE_PATH],
    queryFn: () => api.GET(PROFILE_PATH),
    staleTime: 5 * 60_000,
    enabled,
  });
}
