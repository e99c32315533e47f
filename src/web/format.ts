const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(
    dateTimeFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
}

const dayMonthYear = (p: Record<string, string>) => `${p.day}/${p.month}/${p.year}`;

/** dd/MM/yyyy in the business time zone, whatever the UI language. */
export function formatDate(iso: string): string {
  return dayMonthYear(parts(iso));
}

/** dd/MM/yyyy HH:mm (24-hour) in the business time zone. */
export function formatDateTime(iso: string): string {
  const p = parts(iso);
  return `${dayMonthYear(p)} ${p.hour}:${p.minute}`;
}

/** HH:mm (24-hour) in the business time zone. */
export function formatTime(iso: string): string {
  const p = parts(iso);
  return `${p.hour}:${p.minute}`;
}
