import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "../api.js";
import { FEED_PATH, HOME_PATH } from "./home.js";
import { NOTIFICATIONS_PATH } from "./privacy/privacy.js";

export function useFeed(page: number) {
  const params = { page, pageSize: 20 };
  return useQuery({
    queryKey: [FEED_PATH, params],
    queryFn: () => api.GET(FEED_PATH, { params: { query: params } }),
    placeholderData: keepPreviousData,
  });
}

/** One announcement; the server marks it read as it answers, so the counts are read again after. */
export function useFeedItem(id: string) {
  const queryClient = useQueryClient();
  const item = useQuery({
    queryKey: [FEED_PATH, id],
    queryFn: () => api.GET("/me/announcements/{id}", { params: { path: { id } } }),
  });
  const read = item.isSuccess;
  useEffect(() => {
    if (!read) return;
    // The feed's pages, not this item (which would then be asked for again).
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === FEED_PATH && typeof q.queryKey[1] === "object",
    });
    void queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS_PATH] });
    void queryClient.invalidateQueries({ queryKey: [HOME_PATH] });
  }, [read, queryClient]);
  return item;
}
