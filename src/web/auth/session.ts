import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { useNavigate } from "react-router";
import type { Area, Me } from "../../contracts/index.js";
import { ApiError, api } from "../api.js";

export const meKey = ["me"] as const;

/** Where each area of the app lives. */
export const AREA_HOME: Record<Area, string> = {
  platform: "/platform",
  console: "/console",
  resident: "/app",
  partner: "/partner",
};

/** A 401 from any call means the session is gone. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === "UNAUTHENTICATED";
}

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.GET("/auth/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

const ME_STALE = 5 * 60_000;

/** The signed-in person, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: ME_STALE });
}

/** Asks who is signed in before the first render needs it (main.tsx), so the answer and the app load together. */
export function prefetchMe(queryClient: QueryClient): Promise<Me | null> {
  return queryClient.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: ME_STALE });
}

/**
 * The signed-in person as the area gate last saw them. Read from context rather than the query, so
 * that when the session ends, the gate redirects before any page renders without a person.
 */
export const SignedInMe = createContext<Me | null>(null);

export function useSignedInMe(): Me {
  const me = useContext(SignedInMe);
  if (!me) throw new Error("useSignedInMe outside a signed-in area");
  return me;
}

/** Where to go after signing in: the page asked for, when it belongs to the current area. */
export function homeFor(me: Me, next?: string | null): string {
  if (!me.current) return "/choose-role";
  const home = AREA_HOME[me.current.area];
  return next && (next === home || next.startsWith(`${home}/`)) ? next : home;
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName?: string; lang?: Me["account"]["lang"] }) => api.PATCH("/me", { body }),
    onSuccess: (me) => queryClient.setQueryData(meKey, me),
  });
}

/** Everything cached except the person belongs to one company and role. */
function forgetCompanyData(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
}

/** Switches company, role or unit, then opens the area of the new context. */
export function useSwitchContext() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (contextId: string) => api.POST("/auth/context", { body: { contextId } }),
    onSuccess: (me) => {
      forgetCompanyData(queryClient);
      queryClient.setQueryData(meKey, me);
      navigate(homeFor(me));
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.POST("/auth/sign-out");
      } catch (error) {
        if (!isSignedOut(error)) throw error;
      }
    },
    onSuccess: () => {
      navigate("/sign-in", { replace: true });
      forgetCompanyData(queryClient);
      queryClient.setQueryData(meKey, null);
    },
  });
}
