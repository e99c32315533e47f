import type { Lang } from "../../../contracts/common.js";
import { message } from "../i18n/messages.js";

/** One bad cell: where it is as Excel shows it, and what is wrong in the caller's language. */
export type ImportError = { sheet: string; row: number; column: string; code: string; message: string };

const MAX_REPORTED = 1000;

/** Every error is counted; the first thousand are kept for the report. */
export class ErrorReport {
  readonly items: ImportError[] = [];
  count = 0;
  constructor(readonly lang: Lang) {}

  add(
    at: { sheet: string; row: number; column: string },
    code: string,
    params: Record<string, unknown> = {},
  ) {
    this.count++;
    if (this.items.length < MAX_REPORTED) {
      // A message may name where it is ({row}, {column}: the header as the file writes it).
      this.items.push({ ...at, code, message: message(this.lang, code, { ...at, ...params }) });
    }
  }
}
