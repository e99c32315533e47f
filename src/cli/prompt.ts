import { stdin, stdout } from "node:process";
import { createInterface, type Interface } from "node:readline";

/**
 * Asks an operator questions. On a terminal, a hidden answer (a password) is read in raw mode and nothing
 * of it is written back. From a pipe (scripts, tests), answers are read line by line through one reader for
 * the whole command — a reader per question would swallow the lines buffered after its own — and a pipe
 * never echoes.
 */
export class Prompter {
  private reader: Interface | null = null;
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private ended = false;

  constructor(
    private readonly input: NodeJS.ReadStream = stdin,
    private readonly output: NodeJS.WriteStream = stdout,
  ) {}

  async ask(question: string, opts: { hidden?: boolean } = {}): Promise<string> {
    if (!this.input.isTTY) {
      this.output.write(question);
      const line = await this.nextLine();
      this.output.write("\n");
      if (line === null) throw new Error(`no answer to "${question.trim()}": the input ended`);
      return opts.hidden ? line : line.trim();
    }
    if (opts.hidden) {
      this.output.write(question);
      const answer = await readHidden(this.input);
      this.output.write("\n");
      return answer;
    }
    const rl = createInterface({ input: this.input, output: this.output, terminal: true });
    const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
    rl.close();
    return answer.trim();
  }

  close(): void {
    this.reader?.close();
  }

  private nextLine(): Promise<string | null> {
    if (!this.reader) {
      this.reader = createInterface({ input: this.input, terminal: false });
      this.reader.on("line", (line) => {
        const waiting = this.waiting;
        this.waiting = null;
        if (waiting) waiting(line);
        else this.lines.push(line);
      });
      this.reader.on("close", () => {
        this.ended = true;
        this.waiting?.(null);
        this.waiting = null;
      });
    }
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

/** Reads one line from a terminal in raw mode, writing nothing back; Ctrl-C cancels the command. */
function readHidden(input: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve) => {
    let value = "";
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          finish();
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          finish();
          process.stdout.write("\n");
          process.exit(130);
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}
