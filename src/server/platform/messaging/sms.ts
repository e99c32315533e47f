/** SMS brandname gateway adapter (DESIGN §2 Integrations). */
export interface SmsGateway {
  send(phone: string, text: string): Promise<void>;
}

/**
 * HTTP gateway shaped like eSMS's brandname API: POST JSON with ApiKey, SecretKey, Phone, Content,
 * Brandname and SmsType 2 (customer care); success is CodeResult "100".
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(private readonly opts: { url: string; apiKey: string; secretKey: string; brandname: string }) {}

  async send(phone: string, text: string): Promise<void> {
    const res = await fetch(this.opts.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ApiKey: this.opts.apiKey,
        SecretKey: this.opts.secretKey,
        Phone: phone,
        Content: text,
        Brandname: this.opts.brandname,
        SmsType: "2",
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { CodeResult?: string; ErrorMessage?: string };
    if (!res.ok || body.CodeResult !== "100") {
      throw new Error(
        `SMS gateway refused: HTTP ${res.status} ${body.CodeResult ?? ""} ${body.ErrorMessage ?? ""}`,
      );
    }
  }
}
