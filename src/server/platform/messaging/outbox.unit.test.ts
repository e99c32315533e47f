import { describe, expect, it } from "vitest";
import { Outbox } from "./outbox.js";

describe("the demo outbox", () => {
  it("keeps a person's one-time code while a building-wide notice floods it", () => {
    const outbox = new Outbox(500);
    outbox.add({
      channel: "email",
      to: "an@example.vn",
      subject: "Mã đăng nhập",
      text: "Mã của bạn: 123456",
    });
    for (let i = 0; i < 3000; i++)
      outbox.add({ channel: "sms", to: `09${String(i).padStart(8, "0")}`, subject: null, text: "Thông báo" });
    expect(outbox.list("an@example.vn").map((m) => m.text)).toEqual(["Mã của bạn: 123456"]);
    // The page's list still shows only the latest 500 of everyone, newest first.
    const all = outbox.list();
    expect(all).toHaveLength(500);
    expect(all[0]?.to).toBe("0900002999");
  });

  it("keeps a person's latest 20, newest first", () => {
    const outbox = new Outbox();
    for (let i = 1; i <= 25; i++)
      outbox.add({ channel: "email", to: "an@example.vn", subject: null, text: `#${i}` });
    const mine = outbox.list("an@example.vn");
    expect(mine).toHaveLength(20);
    expect(mine[0]?.text).toBe("#25");
    expect(mine[19]?.text).toBe("#6");
  });
});
