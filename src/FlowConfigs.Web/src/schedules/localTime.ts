// Wall-clock times in a config's zone, as the API writes them ("2026-12-24T17:00", no offset), assembled from and split
// into the date and time fields people fill in. Nothing here converts to an instant: the server does that in the
// config's zone, so a field reads the same whatever zone the browser is in.

export interface LocalFields {
  /** yyyy-MM-dd, as the date picker gives it; partial while typed. */
  date: string;
  /** HH:mm (24-hour), as the time input gives it; partial while typed. */
  time: string;
}

export interface LocalFieldProblems {
  date?: string;
  time?: string;
}

const localPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/;

/** A stored local time as its fields; seconds are kept only when they are not :00. */
export function splitLocal(value: string | undefined): LocalFields {
  const match = localPattern.exec(value ?? "");
  if (!match) return { date: "", time: "" };
  return { date: match[1], time: match[3] && match[3] !== "00" ? `${match[2]}:${match[3]}` : match[2] };
}

/** The date's problem, if any: a real calendar date in yyyy-MM-dd. */
export function dateProblem(date: string): string | undefined {
  if (date === "") return "Enter a date.";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return "Enter the date as YYYY/MM/DD.";
  const [year, month, day] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (year < 1 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return `${date.replace(/-/g, "/")} is not a date.`;
  return undefined;
}

/** The time's problem, if any: HH:mm (or HH:mm:ss) on a 24-hour clock. */
export function timeProblem(time: string): string | undefined {
  if (time === "") return "Enter a time.";
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!match) return "Enter the time as HH:MM, 24-hour (17:30).";
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return `${time} is not a time of day.`;
  return undefined;
}

export function fieldProblems(fields: LocalFields): LocalFieldProblems {
  const problems: LocalFieldProblems = {};
  const date = dateProblem(fields.date);
  const time = timeProblem(fields.time);
  if (date) problems.date = date;
  if (time) problems.time = time;
  return problems;
}

/** The API's local time for complete, valid fields; undefined otherwise. */
export function joinLocal(fields: LocalFields): string | undefined {
  if (dateProblem(fields.date) || timeProblem(fields.time)) return undefined;
  return `${fields.date}T${fields.time}`;
}

/** Local times compared as wall-clock times (seconds optional); both must be in the API's form. */
export function compareLocal(a: string, b: string): number {
  const full = (v: string) => (v.length === 16 ? `${v}:00` : v);
  return full(a) < full(b) ? -1 : full(a) > full(b) ? 1 : 0;
}

/** A window's problems per field: each side's own, then "end after start" on the end's date. */
export function windowProblems(start: LocalFields, end: LocalFields): { start: LocalFieldProblems; end: LocalFieldProblems } {
  const problems = { start: fieldProblems(start), end: fieldProblems(end) };
  const from = joinLocal(start);
  const to = joinLocal(end);
  if (from && to && compareLocal(to, from) <= 0) problems.end.date = "The end must be after the start.";
  return problems;
}

/** The wall-clock date and time at an instant in a zone (what a clock on the wall there shows). */
export function fieldsInZone(instant: Date, zone: string): LocalFields {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    }).formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A date so many days later (calendar days, no zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** A stored local time for people: "Thu, 24 Dec 2026, 17:00" (in the locale's own order), read as wall-clock time. */
export function formatLocal(value: string, locale?: string): string {
  const match = localPattern.exec(value);
  if (!match) return value;
  const [year, month, day] = match[1].split("-").map(Number);
  const [hours, minutes] = match[2].split(":").map(Number);
  // UTC here only stops the browser's zone from shifting a wall-clock time; no instant is meant.
  const wall = new Date(Date.UTC(year, month - 1, day, hours, minutes, Number(match[3] ?? 0)));
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
    ...(match[3] && match[3] !== "00" ? { second: "2-digit" } : {}), hourCycle: "h23",
  }).format(wall);
}
