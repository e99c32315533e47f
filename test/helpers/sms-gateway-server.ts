import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the gateway received it: eSMS's fields, parsed from JSON. */
export type EsmsRequest = Record<string, unknown>;

/**
 * A local HTTP server shaped like eSMS's brandname API (SendMultipleMessage_V4_post_json): it checks the
 * ApiKey and SecretKey (CodeResult "101" when wrong), records every request and answers CodeResult "100" with
 * an SMSID, unless told to refuse or fail the next one.
 */
export async function startSmsGatewayServer(keys: { apiKey: string; secretKey: string }) {
  const requests: EsmsRequest[] = [];
  const answers: { status: number; body: unknown }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as EsmsRequest;
      requests.push(body);
      const answer = answers.shift() ?? {
        status: 200,
        body:
          body.ApiKey === keys.apiKey && body.SecretKey === keys.secretKey
            ? { CodeResult: "100", CountRegenerate: 0, SMSID: randomBytes(16).toString("hex") }
            : { CodeResult: "101", CountRegenerate: 0, ErrorMessage: "Authorize Failed" },
      };
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/MainService.svc/json/SendMultipleMessage_V4_post_json/`,
    requests,
    /** The next request is refused with this CodeResult, as eSMS does (HTTP 200). */
    refuseNext(codeResult: string, errorMessage: string) {
      answers.push({
        status: 200,
        body: { CodeResult: codeResult, CountRegenerate: 0, ErrorMessage: errorMessage },
      });
    },
    /** The next request fails with this HTTP status. */
    failNext(status: number) {
      answers.push({ status, body: { error: "unavailable" } });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
