import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger("info", stream) };
}

describe("error logs", () => {
  it("never print a failed statement's parameters, even inside the message, stack or cause", () => {
    const { lines, logger } = capture();
    const cause = Object.assign(
      new Error('duplicate key value violates unique constraint "residents_phone"'),
      {
        code: "23505",
        constraint: "residents_phone",
        detail: "Key (phone_index)=(0912345678) already exists.",
      },
    );
    const err = new DrizzleQueryError(
      "insert into residents (full_name, phone) values ($1, $2)",
      ["Nguyễn Văn Bí Mật", "0912345678"],
      cause,
    );
    logger.error({ err }, "unhandled error");
    const out = lines.join("");
    expect(out).toContain("insert into residents");
    expect(out).toContain("residents_phone");
    expect(out).not.toContain("Bí Mật");
    expect(out).not.toContain("0912345678");
  });

  it("keeps an ordinary error's message and stack", () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error("boom at step 3") }, "failed");
    const entry = JSON.parse(lines[0] as string);
    expect(entry.err.message).toBe("boom at step 3");
    expect(entry.err.stack).toContain("logger.unit.test.ts");
  });
});
