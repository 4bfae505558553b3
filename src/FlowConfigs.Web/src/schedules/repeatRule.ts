// Repeat rules (RFC 5545 RRULE values) as people choose and read them. The common rules are offered in plain words and
// written out in full (FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25 rather than FREQ=YEARLY), so the rule reads the same
// whatever its start; anything else stays a custom rule the server judges.

export const weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof weekdays)[number];

export const weekdayNames: Record<Weekday, string> = {
  MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday",
};

export const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export type Repeat =
  | { kind: "none" }
  | { kind: "daily" }
  | { kind: "weekly"; days: Weekday[] }
  | { kind: "monthly"; day: number }
  | { kind: "yearly"; month: number; day: number }
  | { kind: "custom"; rule: string };

export type RepeatKind = Repeat["kind"];

/** The local date "yyyy-MM-dd" as its parts, for rules that take their day from the start. */
interface DateParts { year: number; month: number; day: number }

function dateParts(start: string | undefined): DateParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(start ?? "");
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

/** Monday to Sunday of a local date (the calendar date itself, no zone involved). */
export function weekdayOf(date: string): Weekday | undefined {
  const parts = dateParts(date);
  if (!parts) return undefined;
  const sundayFirst = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return weekdays[(sundayFirst + 6) % 7];
}

/**
 * A rule as one of the plain choices, or custom when it says more than they can (an interval, a count, an end date,
 * several months...). Rules that leave the day to the start (FREQ=WEEKLY alone) read the start's day.
 */
export function parseRepeat(rule: string | undefined, start?: string): Repeat {
  const text = (rule ?? "").trim();
  if (text === "") return { kind: "none" };
  const custom: Repeat = { kind: "custom", rule: text };
  const parts = new Map<string, string>();
  for (const part of text.split(";")) {
    const [key, value, ...rest] = part.split("=");
    if (!key || value === undefined || rest.length > 0 || parts.has(key.toUpperCase())) return custom;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  const freq = parts.get("FREQ");
  const others = [...parts.keys()].filter((k) => k !== "FREQ").sort().join(",");
  const from = dateParts(start);
  if (freq && parts.get("INTERVAL") === "1") return parseRepeat([...parts].filter(([k]) => k !== "INTERVAL").map(([k, v]) => `${k}=${v}`).join(";"), start);

  if (freq === "DAILY" && others === "") return { kind: "daily" };
  if (freq === "WEEKLY" && others === "BYDAY") {
    const days = parts.get("BYDAY")!.split(",");
    if (!days.every((d): d is Weekday => (weekdays as readonly string[]).includes(d)) || new Set(days).size !== days.length) return custom;
    return { kind: "weekly", days: sortDays(days) };
  }
  if (freq === "WEEKLY" && others === "" && start) {
    const day = weekdayOf(start);
    return day ? { kind: "weekly", days: [day] } : custom;
  }
  if (freq === "MONTHLY" && others === "BYMONTHDAY") {
    const day = dayNumber(parts.get("BYMONTHDAY")!, 31);
    return day ? { kind: "monthly", day } : custom;
  }
  if (freq === "MONTHLY" && others === "" && from) return { kind: "monthly", day: from.day };
  if (freq === "YEARLY" && others === "BYMONTH,BYMONTHDAY") {
    const month = dayNumber(parts.get("BYMONTH")!, 12);
    const day = dayNumber(parts.get("BYMONTHDAY")!, 31);
    return month && day && day <= daysInMonth(month) ? { kind: "yearly", month, day } : custom;
  }
  if (freq === "YEARLY" && others === "" && from) return { kind: "yearly", month: from.month, day: from.day };
  return custom;
}

/** The RRULE value of a choice; undefined for "does not repeat". */
export function formatRepeat(repeat: Repeat): string | undefined {
  switch (repeat.kind) {
    case "none": return undefined;
    case "daily": return "FREQ=DAILY";
    case "weekly": return `FREQ=WEEKLY;BYDAY=${sortDays(repeat.days).join(",")}`;
    case "monthly": return `FREQ=MONTHLY;BYMONTHDAY=${repeat.day}`;
    case "yearly": return `FREQ=YEARLY;BYMONTH=${repeat.month};BYMONTHDAY=${repeat.day}`;
    case "custom": return repeat.rule.trim() || undefined;
  }
}

/** The choice in words, lower case so it fits in a sentence: "every Sunday", "every year on 25 December". */
export function describeRepeat(repeat: Repeat): string {
  switch (repeat.kind) {
    case "none": return "does not repeat";
    case "daily": return "every day";
    case "weekly": {
      const days = sortDays(repeat.days);
      if (days.length === 7) return "every day of the week";
      if (days.join(",") === "MO,TU,WE,TH,FR") return "every weekday (Monday to Friday)";
      if (days.join(",") === "SA,SU") return "every weekend (Saturday and Sunday)";
      return `every ${listInWords(days.map((d) => weekdayNames[d]))}`;
    }
    case "monthly":
      return repeat.day > 28 ? `every month on day ${repeat.day} (skipped in months without it)` : `every month on day ${repeat.day}`;
    case "yearly":
      return `every year on ${repeat.day} ${monthNames[repeat.month - 1]}${repeat.month === 2 && repeat.day === 29 ? " (leap years only)" : ""}`;
    case "custom": return nthWeekdayInWords(repeat.rule) ?? `custom rule ${repeat.rule}`;
  }
}

const ordinals: Record<string, string> = { "1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth", "-1": "last", "-2": "second to last" };

/**
 * Rules that move with the weekday, as public holidays do ("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"), in words: "every year
 * on the fourth Thursday of November", "every month on the last Friday". Undefined for anything else.
 */
function nthWeekdayInWords(rule: string): string | undefined {
  const parts = new Map(rule.trim().toUpperCase().split(";").map((part) => part.split("=") as [string, string]));
  const day = /^\+?(-?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.get("BYDAY") ?? "");
  const ordinal = day && ordinals[day[1]];
  if (!day || !ordinal) return undefined;
  const weekday = weekdayNames[day[2] as Weekday];
  const freq = parts.get("FREQ");
  if (freq === "MONTHLY" && parts.size === 2) return `every month on the ${ordinal} ${weekday}`;
  const month = dayNumber(parts.get("BYMONTH") ?? "", 12);
  if (freq === "YEARLY" && parts.size === 3 && month) return `every year on the ${ordinal} ${weekday} of ${monthNames[month - 1]}`;
  return undefined;
}

/** A stored rule in words, read against the entry's start. */
export function describeRule(rule: string | undefined, start?: string): string {
  return describeRepeat(parseRepeat(rule, start));
}

/**
 * The choice of a kind in the form, its day taken from the start: "every week" starts on the start's weekday, "every
 * month" on its day, "every year" on its date.
 */
export function repeatOfKind(kind: RepeatKind, start: string | undefined, current: Repeat): Repeat {
  const from = dateParts(start);
  switch (kind) {
    case "none": return { kind };
    case "daily": return { kind };
    case "weekly": return current.kind === "weekly" ? current : { kind, days: [weekdayOf(start ?? "") ?? "MO"] };
    case "monthly": return { kind, day: from?.day ?? 1 };
    case "yearly": return { kind, month: from?.month ?? 1, day: from?.day ?? 1 };
    case "custom": return { kind, rule: formatRepeat(current) ?? "" };
  }
}

/**
 * What is wrong with a custom rule before the server sees it: the shape (KEY=VALUE parts separated by ';') and a
 * frequency. The server checks the rest.
 */
export function customRuleProblem(rule: string): string | undefined {
  const text = rule.trim();
  if (text === "") return "Enter a rule such as FREQ=WEEKLY;INTERVAL=2;BYDAY=MO, or choose how it repeats.";
  if (/^RRULE:/i.test(text)) return "Leave out 'RRULE:'; start with FREQ=.";
  if (!text.split(";").every((part) => /^[A-Za-z]+=[^=;\s]+$/.test(part))) return "Write the rule as KEY=VALUE parts separated by ';', such as FREQ=DAILY;COUNT=5.";
  const freq = /(^|;)FREQ=([^;]*)/i.exec(text)?.[2]?.toUpperCase();
  if (!freq) return "A rule needs a frequency, such as FREQ=WEEKLY.";
  if (!["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"].includes(freq))
    return `FREQ=${freq} is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY (or HOURLY, MINUTELY, SECONDLY).`;
  return undefined;
}

/** Problems with a repeat choice that the form can show under its field. */
export function repeatProblem(repeat: Repeat): string | undefined {
  if (repeat.kind === "weekly" && repeat.days.length === 0) return "Choose at least one day of the week.";
  if (repeat.kind === "monthly" && !(repeat.day >= 1 && repeat.day <= 31)) return "Choose a day of the month from 1 to 31.";
  if (repeat.kind === "custom") return customRuleProblem(repeat.rule);
  return undefined;
}

function sortDays(days: readonly string[]): Weekday[] {
  return weekdays.filter((d) => days.includes(d));
}

function dayNumber(text: string, max: number): number | undefined {
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

function daysInMonth(month: number): number {
  return [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** "Monday", "Monday and Friday", "Monday, Wednesday and Friday". */
function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
