import { useQueryClient } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import type { Me } from "../../contracts/index.js";
import { homeFor, meKey } from "./session.js";

/** Finishes signing in: keeps the person and opens the page they asked for, or their area. */
export function useSignedIn(): (me: Me) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (me) => {
    queryClient.setQueryData(meKey, me);
    navigate(homeFor(me, params.get("next")), { replace: true });
  };
}
