import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TicketCategory, TicketPriority, TicketStatus } from "../../contracts/tickets.js";
import { type ApiData, api } from "../api.js";

export const TICKETS_PATH = "/tickets";
export const MY_TICKETS_PATH = "/me/tickets";

export type TicketDetail = ApiData<"get", "/tickets/{id}">;
export type TicketLine = ApiData<"get", "/tickets">["items"][number];

export const CATEGORIES: TicketCategory[] = [
  "plumbing",
  "electricity",
  "elevator",
  "cleaning",
  "security",
  "noise",
  "billing",
  "other",
];
export const LOCATIONS = ["unit", "lobby", "corridor", "parking", "pool", "elevator", "other"] as const;
export const PRIORITIES: TicketPriority[] = ["urgent", "high", "normal", "low"];
export const STATUSES: TicketStatus[] = [
  "new",
  "acknowledged",
  "in_progress",
  "waiting",
  "reopened",
  "resolved",
  "closed",
];

export function useMyTickets(page: number) {
  const params = { page, pageSize: 20 };
  return useQuery({
    queryKey: [MY_TICKETS_PATH, params],
    queryFn: () => api.GET(MY_TICKETS_PATH, { params: { query: params } }),
    placeholderData: keepPreviousData,
  });
}

/** One ticket with its timeline; the live stream reads it again when someone works on it. */
export function useTicket(id: string | null) {
  return useQuery({
    queryKey: [TICKETS_PATH, id],
    queryFn: () => api.GET("/tickets/{id}", { params: { path: { id: id as string } } }),
    enabled: id !== null,
  });
}

/** After any change, every list and ticket is read again (the resident's and the management's). */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [TICKETS_PATH] }),
      queryClient.invalidateQueries({ queryKey: [MY_TICKETS_PATH] }),
      queryClient.invalidateQueries({ queryKey: ["/tickets/board"] }),
      queryClient.invalidateQueries({ queryKey: ["/me/home"] }),
    ]);
}

export function useTicketMessage(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { body: string; photos: string[]; internal?: boolean }) =>
      api.POST("/tickets/{id}/messages", {
        params: { path: { id } },
        body: { ...body, internal: body.internal ?? false },
      }),
    onSuccess: refresh,
  });
}

export type TicketChange = {
  status?: "acknowledged" | "in_progress" | "waiting" | "resolved";
  assignedTo?: string | null;
  priority?: TicketPriority;
  category?: TicketCategory;
};

export function useUpdateTicket(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TicketChange) => api.PATCH("/tickets/{id}", { params: { path: { id } }, body }),
    onSuccess: refresh,
  });
}

export function useRateTicket(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { rating: number; comment?: string }) =>
      api.POST("/me/tickets/{id}/rating", { params: { path: { id } }, body }),
    onSuccess: refresh,
  });
}

export function useReopenTicket(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (reason: string) =>
      api.POST("/me/tickets/{id}/reopen", { params: { path: { id } }, body: { reason } }),
    onSuccess: refresh,
  });
}
