import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api.js";
import { CONVERSATIONS_PATH, MY_CONVERSATIONS_PATH } from "../resident/home.js";

export function useMyConversations(page: number) {
  const params = { page, pageSize: 20 };
  return useQuery({
    queryKey: [MY_CONVERSATIONS_PATH, params],
    queryFn: () => api.GET(MY_CONVERSATIONS_PATH, { params: { query: params } }),
    placeholderData: keepPreviousData,
  });
}

/** One thread, for its resident or the management; the live stream reads it again when someone writes. */
export function useConversation(id: string | null) {
  return useQuery({
    queryKey: [CONVERSATIONS_PATH, id],
    queryFn: () => api.GET("/conversations/{id}", { params: { path: { id: id as string } } }),
    enabled: id !== null,
  });
}

/** Writes in a thread; every list and thread is read again after. */
export function useReply(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, photos }: { body: string; photos: string[] }) =>
      api.POST("/conversations/{id}/messages", { params: { path: { id } }, body: { body, photos } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [CONVERSATIONS_PATH] }),
        queryClient.invalidateQueries({ queryKey: [MY_CONVERSATIONS_PATH] }),
      ]),
  });
}
