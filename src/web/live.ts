import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/** The API paths whose queries to read again, by the topic the server names in its live event. */
export type LiveRefresh = Record<string, readonly string[]>;

/**
 * Holds the live stream open (Server-Sent Events from any API process) while `enabled`: on each topic's event,
 * the queries under its paths are read again, and all of them after the stream comes back from a break (what
 * arrived meanwhile is read then). The event carries no content: the queries ask the API, as always.
 */
export function useLiveStream(refresh: LiveRefresh, enabled: boolean) {
  const queryClient = useQueryClient();
  const topics = JSON.stringify(refresh);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const paths: LiveRefresh = JSON.parse(topics);
    const source = new EventSource("/api/v1/notifications/stream");
    const reread = (list: readonly string[]) => {
      for (const path of list) void queryClient.invalidateQueries({ queryKey: [path] });
    };
    let opened = false;
    source.addEventListener("open", () => {
      if (opened) reread(Object.values(paths).flat());
      opened = true;
    });
    for (const [topic, list] of Object.entries(paths)) source.addEventListener(topic, () => reread(list));
    return () => source.close();
  }, [enabled, topics, queryClient]);
}
