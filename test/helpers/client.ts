import type { App } from "../../src/server/app.js";

export type Res<T = any> = {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  /** The body's bytes (downloads). */
  raw: Buffer;
};

/**
 * A browser-like HTTP client over app.inject: keeps cookies, echoes the CSRF cookie in its header on
 * unsafe requests, and sends a language and a remote address. Given several apps (API processes on one
 * database), it sends its requests to each in turn, as a round-robin load balancer would.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  private turn = 0;

  constructor(
    private readonly app: App | readonly App[],
    readonly opts: { ip?: string; lang?: "vi" | "en"; userAgent?: string } = {},
  ) {}

  private nextApp(): App {
    if (!Array.isArray(this.app)) return this.app as App;
    return this.app[this.turn++ % this.app.length] as App;
  }

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res<T>> {
    if (!["GET", "HEAD"].includes(method) && !this.cookies.has("cc_csrf"))
      await this.request("GET", "/api/v1/auth/csrf");
    const res = await this.nextApp().inject({
      method: method as "GET",
      url,
      payload: body === undefined ? undefined : (body as object),
      remoteAddress: this.opts.ip ?? "127.0.0.1",
      headers: {
        "accept-language": this.opts.lang ?? "vi",
        "user-agent": this.opts.userAgent ?? "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36",
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...(this.cookies.has("cc_csrf") ? { "x-csrf-token": this.cookies.get("cc_csrf") as string } : {}),
        ...headers,
      },
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = res.body;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return {
      status: res.statusCode,
      body: parsed as T,
      headers: res.headers as Res["headers"],
      raw: res.rawPayload,
    };
  }

  /** GET, with the query's defined values appended to the url. */
  get = <T = any>(url: string, query?: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams(
      Object.entries(query ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    ).toString();
    return this.request<T>("GET", params ? `${url}?${params}` : url);
  };
  post = <T = any>(url: string, body: unknown = {}) => this.request<T>("POST", url, body);
  put = <T = any>(url: string, body: unknown) => this.request<T>("PUT", url, body);
  patch = <T = any>(url: string, body: unknown) => this.request<T>("PATCH", url, body);
  delete = <T = any>(url: string) => this.request<T>("DELETE", url);
}
