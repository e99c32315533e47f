import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string };

/** A real SMTP server in the test process; the product's nodemailer transport delivers to it. */
export async function startSmtpServer(): Promise<{
  url: string;
  mails: ReceivedMail[];
  /** Waits for the newest mail to `to` and returns its 6-digit code. */
  codeFor: (to: string) => Promise<string>;
  close: () => Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async codeFor(to) {
      for (let i = 0; i < 100; i++) {
        const mail = mails.findLast((m) => m.to.includes(to));
        const code = mail?.raw
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join("\n")
          .match(/\b\d{6}\b/)?.[0];
        if (code) return code;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no code mailed to ${to}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
