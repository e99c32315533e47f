// Reading the local sandbox gateway's HTML pages (src/server/modules/billing/payments/gateway/sandbox.ts) in HTTP
// tests: the path to inject, the form's hidden fields and its action, as a browser would submit them.

/** A URL's path and query, to inject into the app. */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** The hidden inputs of a sandbox page's form, by name. */
export const hidden = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      unescapeHtml(m[1] ?? ""),
      unescapeHtml(m[2] ?? ""),
    ]),
  );

/** Where a sandbox page's form posts to. */
export const action = (html: string) =>
  unescapeHtml(/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? "");
