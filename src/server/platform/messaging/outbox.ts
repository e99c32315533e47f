/** Development outbox: every message the demo sends, newest first, kept in memory (demo mode only). */
export type OutboxMessage = {
  id: number;
  at: string;
  channel: "email" | "sms" | "zalo" | "push";
  to: string;
  subject: string | null;
  text: string;
};

/** A person's latest messages kept whatever else is sent meanwhile. */
const PER_RECIPIENT = 20;
/** People whose latest messages are kept; the longest silent are forgotten first. */
const RECIPIENTS = 20_000;

/**
 * The demo's outbox. The page lists the latest messages of everyone; a person's own latest are kept apart, so a
 * building-wide notice sent to thousands (each household on email, Zalo and SMS) does not push out the one-time
 * code someone is reading at that moment.
 */
export class Outbox {
  private readonly items: OutboxMessage[] = [];
  private readonly byRecipient = new Map<string, OutboxMessage[]>();
  private nextId = 1;

  constructor(private readonly capacity = 500) {}

  add(m: Omit<OutboxMessage, "id" | "at">): void {
    const message = { id: this.nextId++, at: new Date().toISOString(), ...m };
    this.items.unshift(message);
    if (this.items.length > this.capacity) this.items.pop();
    const mine = this.byRecipient.get(m.to) ?? [];
    // Re-inserted, so the map's order is the order people last received something.
    this.byRecipient.delete(m.to);
    this.byRecipient.set(m.to, [message, ...mine].slice(0, PER_RECIPIENT));
    if (this.byRecipient.size > RECIPIENTS) {
      const oldest = this.byRecipient.keys().next().value;
      if (oldest !== undefined) this.byRecipient.delete(oldest);
    }
  }

  list(to?: string): OutboxMessage[] {
    return to ? [...(this.byRecipient.get(to) ?? [])] : [...this.items];
  }
}
