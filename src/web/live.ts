import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/** The API paths whose queries to read again, by the topic the server names in its live event. */
export type LiveRefresh = Record<string, readonly string[]>;

const STREAM = "/api/v1/notifications/stream";
/** After a refused stream, the first attempt again; each further one waits twice as long, up to a minute. */
const RETRY_FIRST_MS = 5_000;
const RETRY_LONGEST_MS = 60_000;

/**
 * Holds the live stream open (Server-Sent Events from any API process) while `enabled`: on each topic's event,
 * the queries under its paths are read again, and all of them after the stream comes back from a break (what
 * arrived meanwhile is read then). The event carries no content: the queries ask the API, as always.
 *
 * The browser reconnects by itself after a break, but gives up for good on an error answer (a 429 when the
 * person holds too many streams, a 502 from a proxy while the API restarts): the stream is then opened again
 * after a pause, or the page would stay deaf until it is reloaded.
 */
export function useLiveStream(refresh: LiveRefresh, enabled: boolean) {
  const queryClient = useQueryClient();
  const topics = JSON.stringify(refresh);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const paths: LiveRefresh = JSON.parse(topics);
    const reread = (list: readonly string[]) => {
      for (const path of list) void queryClient.invalidateQueries({ queryKey: [path] });
    };
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let retryMs = RETRY_FIRST_MS;
    let missed = false;
    const connect = () => {
      const current = new EventSource(STREAM);
      source = current;
      current.addEventListener("open", () => {
        if (missed) reread(Object.values(paths).flat());
        missed = false;
        retryMs = RETRY_FIRST_MS;
      });
      for (const [topic, list] of Object.entries(paths)) current.addEventListener(topic, () => reread(list));
      current.addEventListener("error", () => {
        missed = true;
        if (current.readyState !== EventSource.CLOSED) return; // a break: the browser is coming back
        current.close();
        retry = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, RETRY_LONGEST_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, topics, queryClient]);
}
