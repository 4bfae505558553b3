import type { ScheduleEntry } from "../api/types";
import { formatLocal } from "./localTime";
import { describeRule } from "./repeatRule";

/** When an entry applies, in words: "Thu, 24 Dec 2026, 17:00 to Sat, 26 Dec 2026, 08:00, every year on 24 December". */
export function describeWhen(entry: ScheduleEntry, locale?: string): string {
  if (entry.calendar !== undefined) return `During every event of calendar ${entry.calendar || "(none chosen)"}`;
  const window = `${formatLocal(entry.start ?? "", locale)} to ${formatLocal(entry.end ?? "", locale)}`;
  return entry.repeat ? `${window}, then ${describeRule(entry.repeat, entry.start)}` : `${window}, once`;
}

/** What an entry changes, in words: "closure → true", "welcome (en-US)". */
export function describeChanges(entry: ScheduleEntry): string[] {
  return [
    ...Object.entries(entry.variables ?? {}).map(([name, value]) => `${name} → ${value === "" ? "(empty)" : value}`),
    ...Object.entries(entry.prompts ?? {}).flatMap(([name, languages]) => Object.keys(languages).map((language) => `${name} (${language})`)),
  ];
}
