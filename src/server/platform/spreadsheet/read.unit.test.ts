import { describe, expect, it } from "vitest";
import { utf8Chunks } from "./read.js";

async function* pieces(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe("utf8Chunks", () => {
  it("never cuts a Vietnamese letter in two, whatever the chunk size", async () => {
    const text = "Chủ hộ Nguyễn Văn Đức — Phương tiện 🚗 Ô tô điện ".repeat(20);
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const decoded: string[] = [];
      for await (const chunk of utf8Chunks(pieces(bytes, size)))
        decoded.push(new TextDecoder().decode(chunk));
      expect(decoded.join("")).toBe(text);
    }
  });
});
