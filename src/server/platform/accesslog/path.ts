const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Values that cannot be personal data: ids, page numbers, flags. Anything else may be (a searched name). */
const HARMLESS = (v: string) => UUID.test(v) || /^\d{1,4}$/.test(v) || v === "true" || v === "false";
export const MASK = "***";

/**
 * A query string with its parameter names kept and their values masked (unless an id, a small number or a
 * flag), so a staff search for a phone, an email, a name or a plate leaves no personal data in the log.
 */
export function maskQuery(query: string): string {
  if (!query) return "";
  return query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const name = pair.slice(0, eq);
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " "));
      } catch {
        value = MASK;
      }
      return `${name}=${HARMLESS(value) ? value : MASK}`;
    })
    .join("&");
}

/**
 * The path an access-log row records: the route's pattern with the ids it was called with (so who looked at
 * which record stays known), any other path parameter as its name, and the query masked. A path no route
 * matched keeps only its segments that are ids or plain words.
 */
export function loggedPath(url: string, route: { pattern: string | undefined; params: unknown }): string {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const query = maskQuery(q < 0 ? "" : url.slice(q + 1));
  const params = (route.params ?? {}) as Record<string, unknown>;
  const shown = route.pattern
    ? route.pattern.replace(/:([A-Za-z0-9_]+)|\*/g, (whole, name: string | undefined) => {
        const value = name ? params[name] : params["*"];
        return typeof value === "string" && UUID.test(value) ? value : whole;
      })
    : path
        .split("/")
        .map((s) => (s === "" || UUID.test(s) || /^[a-z][a-z0-9._-]*$/.test(s) ? s : MASK))
        .join("/");
  return (query ? `${shown}?${query}` : shown).slice(0, 500);
}

/** A referrer with its query masked the same way (a console page's search is in its address). */
export function loggedReferrer(referrer: string | undefined): string | null {
  if (!referrer) return null;
  const q = referrer.indexOf("?");
  const shown =
    q < 0 ? referrer : `${referrer.slice(0, q)}?${maskQuery(referrer.slice(q + 1).split("#")[0] ?? "")}`;
  return shown.slice(0, 500);
}

/**
 * Whether a request goes to the access log. The log records access to personal data (DESIGN §3), so it holds
 * the API's requests, not the machines' and the browser's traffic that reads none: health checks and metrics
 * (their routes say `accessLog: false`), the API's own documentation, and the web app's files and pages
 * (outside /api, never recorded).
 */
export function recordsAccess(url: string, routeConfig: { accessLog?: boolean } | undefined): boolean {
  if (!url.startsWith("/api/")) return false;
  if (url === "/api/docs" || url.startsWith("/api/docs/") || url.startsWith("/api/docs?")) return false;
  return routeConfig?.accessLog !== false;
}
