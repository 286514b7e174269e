const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

export function formatRelative(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 10) return "just now";
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? units[units.length - 1];
  return relative.format(Math.round(seconds / size), unit);
}

/** "3 minutes ago", with the exact moment on hover. */
export function RelativeTime({ value }: { value: string | Date }) {
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={absolute.format(date)}>
      {formatRelative(date)}
    </time>
  );
}
