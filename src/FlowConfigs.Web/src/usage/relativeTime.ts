const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/**
 * How long ago an instant was, in its largest whole unit ("3 hours ago", "yesterday"); "Never" for none. A time a little
 * ahead of the browser's clock (the server's clock differs) reads as "now" rather than "in 2 seconds".
 */
export function relativeTime(iso: string | null | undefined, now: Date = new Date(), locale?: string, compact = false): string {
  if (!iso) return "Never";
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 1000));
  // Compact ("6 sec. ago", "1 day ago") for table columns, where "seconds" or "yesterday" would widen the column.
  const format = new Intl.RelativeTimeFormat(locale, compact ? { numeric: "always", style: "short" } : { numeric: "auto" });
  const [unit, size] = units.find(([, size]) => seconds >= size) ?? units[units.length - 1];
  return format.format(-Math.floor(seconds / size), unit);
}

/** The exact instant in the browser's zone and language, for a relative time's tooltip. */
export function exactTime(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium" });
}
