import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ConsentOverview,
  DataExportLink as DataExportLinkSchema,
  MyData as MyDataSchema,
  MyRecordPatch as MyRecordPatchSchema,
  NotificationPage as NotificationPageSchema,
  PrivacyRequest,
  PrivacyRequestQuery,
  Purpose,
  RequestKind,
} from "../../../contracts/index.js";
import { api } from "../../api.js";
import { useFirstScreenShown } from "../../firstScreen.js";
import { useLiveStream } from "../../live.js";
import { ORDERS_PATH } from "../../marketplace/marketplace.js";
import { MY_TICKETS_PATH, TICKETS_PATH } from "../../tickets/tickets.js";
import { CONVERSATIONS_PATH, FEED_PATH, HOME_PATH, MY_CONVERSATIONS_PATH } from "../home.js";

export type MyData = z.infer<typeof MyDataSchema>;
export type DataRecord = MyData["records"][number];
export type MyRecordPatch = z.infer<typeof MyRecordPatchSchema>;
export type DataExportLink = z.infer<typeof DataExportLinkSchema>;
export type NotificationPage = z.infer<typeof NotificationPageSchema>;
export type InboxItem = NotificationPage["items"][number];
export type RequestFilter = z.input<typeof PrivacyRequestQuery>["status"];
export type { ConsentOverview, PrivacyRequest, Purpose, RequestKind };

export const MY_DATA_PATH = "/my/data";
const CONSENTS_PATH = "/privacy/consents";
const REQUESTS_PATH = "/privacy/requests";
export const NOTIFICATIONS_PATH = "/notifications";

/** The kinds of request a resident can make, in the order the form offers them. */
export const REQUEST_KINDS: RequestKind[] = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "consent_withdrawal",
];

/** Consents, requests and a restriction all change what "my data" shows, so they refresh it too. */
const refresh = (queryClient: QueryClient, ...paths: string[]) =>
  Promise.all([MY_DATA_PATH, ...paths].map((path) => queryClient.invalidateQueries({ queryKey: [path] })));

// ---------------------------------------------------------------- my data

export function useMyData() {
  return useQuery({ queryKey: [MY_DATA_PATH], queryFn: () => api.GET(MY_DATA_PATH) });
}

export function usePatchMyRecord(residentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MyRecordPatch) =>
      api.PATCH("/my/data/{residentId}", { params: { path: { residentId } }, body: patch }),
    onSuccess: (data) => queryClient.setQueryData([MY_DATA_PATH], data),
  });
}

export function useLiftRestriction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (residentId: string) => api.POST("/privacy/restriction/lift", { body: { residentId } }),
    onSuccess: () => refresh(queryClient, REQUESTS_PATH),
  });
}

/** Starts a download the way a link does, so the browser keeps the server's file name and streams it. */
function follow(url: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = "";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
}

export function useExport() {
  return useMutation({
    mutationFn: (format: DataExportLink["format"]) => api.POST("/privacy/exports", { body: { format } }),
    onSuccess: (link) => follow(link.url),
  });
}

// ---------------------------------------------------------------- consents

export function useConsents() {
  return useQuery({ queryKey: [CONSENTS_PATH], queryFn: () => api.GET(CONSENTS_PATH) });
}

export function useSetConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { purpose: Purpose; given: boolean }) =>
      api.POST(CONSENTS_PATH, { body: { ...body, channel: "web" } }),
    onSuccess: async (overview) => {
      queryClient.setQueryData([CONSENTS_PATH], overview);
      await refresh(queryClient);
    },
  });
}

// ---------------------------------------------------------------- requests

const PAGE_SIZE = 20;

export function usePrivacyRequests(status: RequestFilter, page: number) {
  const params = { status, page, pageSize: PAGE_SIZE };
  return useQuery({
    queryKey: [REQUESTS_PATH, params],
    queryFn: () => api.GET(REQUESTS_PATH, { params: { query: params } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: RequestKind; details?: string }) => api.POST(REQUESTS_PATH, { body }),
    onSuccess: () => refresh(queryClient, REQUESTS_PATH),
  });
}

export function useCancelRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.POST("/privacy/requests/{id}/cancel", { params: { path: { id } } }),
    onSuccess: () => refresh(queryClient, REQUESTS_PATH),
  });
}

// ---------------------------------------------------------------- notifications

export function useNotifications(page: number, pageSize = PAGE_SIZE) {
  const params = { page, pageSize };
  return useQuery({
    queryKey: [NOTIFICATIONS_PATH, params],
    queryFn: () => api.GET(NOTIFICATIONS_PATH, { params: { query: params } }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The unread count for the bell, kept current live (the stream also refreshes the home, the announcements,
 * the conversations with the management, the tickets and the orders); a slow poll stays as a safety net.
 */
export function useUnreadCount() {
  const params = { page: 1, pageSize: 1 };
  const shown = useFirstScreenShown();
  useLiveStream(
    {
      notifications: [NOTIFICATIONS_PATH, HOME_PATH, FEED_PATH, ORDERS_PATH],
      conversations: [MY_CONVERSATIONS_PATH, CONVERSATIONS_PATH],
      tickets: [MY_TICKETS_PATH, TICKETS_PATH, HOME_PATH],
    },
    shown,
  );
  return useQuery({
    queryKey: [NOTIFICATIONS_PATH, params],
    queryFn: () => api.GET(NOTIFICATIONS_PATH, { params: { query: params } }),
    select: (inbox) => inbox.unread,
    refetchInterval: 5 * 60_000,
    enabled: shown,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.POST("/notifications/{id}/read", { params: { path: { id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS_PATH] }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.POST("/notifications/read-all"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS_PATH] }),
  });
}
