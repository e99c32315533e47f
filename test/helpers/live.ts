import http from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "../../src/server/app.js";
import type { Client } from "./client.js";

/** An open stream: its status, the events heard so far, and a way to wait for some. */
export function openStream(app: App, client: Client) {
  const { port } = app.server.address() as AddressInfo;
  const events: string[] = [];
  let buffer = "";
  return new Promise<{ status: number; type: string; events: string[]; close: () => void }>(
    (resolve, reject) => {
      const req = http.get(
        {
          host: "127.0.0.1",
          port,
          path: "/api/v1/notifications/stream",
          headers: {
            cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
            "accept-language": "vi",
          },
        },
        (res) => {
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            buffer += chunk;
            for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = block.match(/^event: (.+)$/m)?.[1];
              if (event) events.push(event);
            }
          });
          res.on("error", () => {});
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"]),
            events,
            close: () => req.destroy(),
          });
        },
      );
      req.on("error", reject);
    },
  );
}

export async function until(check: () => boolean, what: string, ms = 5_000) {
  for (const start = Date.now(); Date.now() - start < ms; ) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Time enough for a signal that should not come to have come (it takes a few ms when it does). */
export const quiet = () => new Promise((r) => setTimeout(r, 300));
