import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A template message as Zalo received it. */
export type ReceivedZns = {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id: string;
};

/**
 * A local HTTP server speaking Zalo's ZNS protocol: POST /message/template with the `access_token` header
 * (error -124 when it is not the one given), the phone in 84… form (error -108 otherwise); success is
 * `{ error: 0, message: "Success", data: { msg_id, sent_time, quota } }`. It records every message it accepted
 * and can answer the next request with an error code or an HTTP status.
 */
export async function startZaloServer(accessToken: string) {
  const messages: ReceivedZns[] = [];
  const answers: { status: number; body: unknown }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.method !== "POST" || req.url !== "/message/template") return answer(404, { error: -106 });
      const next = answers.shift();
      if (next) return answer(next.status, next.body);
      if (req.headers.access_token !== accessToken)
        return answer(200, { error: -124, message: "Access token invalid" });
      const m = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedZns;
      if (!/^84\d{9}$/.test(m.phone)) return answer(200, { error: -108, message: "Phone number invalid" });
      messages.push(m);
      answer(200, {
        error: 0,
        message: "Success",
        data: {
          msg_id: randomBytes(16).toString("hex"),
          sent_time: String(Date.now()),
          quota: { dailyQuota: "500", remainingQuota: String(500 - messages.length) },
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    /** The next request gets this Zalo error code (HTTP 200, as Zalo answers). */
    refuseNext(error: number, message: string) {
      answers.push({ status: 200, body: { error, message } });
    },
    /** The next request fails with this HTTP status. */
    failNext(status: number) {
      answers.push({ status, body: {} });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
