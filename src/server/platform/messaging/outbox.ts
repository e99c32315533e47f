/** Development outbox: every email and SMS the demo sends, newest first, kept in memory (demo mode only). */
export type OutboxMessage = {
  id: number;
  at: string;
  channel: "email" | "sms";
  to: string;
  subject: string | null;
  text: string;
};

export class Outbox {
  private readonly items: OutboxMessage[] = [];
  private nextId = 1;

  constructor(private readonly capacity = 500) {}

  add(m: Omit<OutboxMessage, "id" | "at">): void {
    this.items.unshift({ id: this.nextId++, at: new Date().toISOString(), ...m });
    if (this.items.length > this.capacity) this.items.pop();
  }

  list(to?: string): OutboxMessage[] {
    return to ? this.items.filter((m) => m.to === to) : [...this.items];
  }
}
