import type { ScheduleEntry } from "../api/types";

// Order is precedence: where two entries apply at once and change the same variable or prompt language, the one
// listed first wins. Moving an entry up makes it win over the ones it passes.

/** The schedule with entry `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveEntry(schedule: ScheduleEntry[], index: number, delta: -1 | 1): ScheduleEntry[] {
  const target = index + delta;
  if (index < 0 || index >= schedule.length || target < 0 || target >= schedule.length) return schedule;
  const next = [...schedule];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export function removeEntry(schedule: ScheduleEntry[], index: number): ScheduleEntry[] {
  return schedule.filter((_, i) => i !== index);
}

/** The schedule with entry `index` replaced, or the entry added at the end when `index` is the length. */
export function putEntry(schedule: ScheduleEntry[], index: number, entry: ScheduleEntry): ScheduleEntry[] {
  return index >= schedule.length ? [...schedule, entry] : schedule.map((e, i) => (i === index ? entry : e));
}

/**
 * For each variable and prompt language an entry changes, the earlier entries that change it too: if both apply at
 * once, those win, so the entry's value for it does not show then.
 */
export function overriddenBy(schedule: ScheduleEntry[], index: number): Record<string, string[]> {
  const keys = (entry: ScheduleEntry) => [
    ...Object.keys(entry.variables ?? {}),
    ...Object.entries(entry.prompts ?? {}).flatMap(([prompt, languages]) => Object.keys(languages).map((language) => `${prompt} (${language})`)),
  ];
  const result: Record<string, string[]> = {};
  for (const key of keys(schedule[index])) {
    const earlier = schedule.slice(0, index).filter((e) => keys(e).includes(key)).map((e) => e.name);
    if (earlier.length) result[key] = earlier;
  }
  return result;
}
