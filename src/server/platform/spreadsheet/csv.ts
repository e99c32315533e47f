/** One CSV cell: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
function cell(value: unknown): string {
  const text = Array.isArray(value)
    ? value.join("; ")
    : value === undefined || value === null
      ? ""
      : String(value);
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** A CSV file as a spreadsheet opens it in UTF-8 (byte-order mark, CRLF lines); an empty row is a blank line. */
export function csvFile(rows: readonly (readonly unknown[])[]): string {
  return `\ufeff${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}
