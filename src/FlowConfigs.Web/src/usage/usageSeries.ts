import type { UsageDay } from "../api/types";

export type Breakdown = "language" | "channel";

export interface BarSeries {
  title: string;
  type: "bar";
  data: { x: string; y: number }[];
}

/** Connect's channels in the order contact centers think of them; any other channel follows, by reads. */
const channelOrder = ["voice", "chat", "task", "email"];

/**
 * The chart's stacked series: one per language (most read first) or per channel, each with a bar for every day of the
 * window (zero where it had none), so the stacks line up day by day.
 */
export function usageSeries(days: UsageDay[], by: Breakdown): BarSeries[] {
  const counts = (day: UsageDay) => (by === "language" ? day.byLanguage : day.byChannel);
  const totals = new Map<string, number>();
  for (const day of days)
    for (const [key, n] of Object.entries(counts(day) ?? {})) totals.set(key, (totals.get(key) ?? 0) + n);
  const keys = [...totals.keys()].filter((k) => totals.get(k)! > 0).sort((a, b) => rank(a, b, by, totals));
  return keys.map((key) => ({
    title: key,
    type: "bar",
    data: days.map((day) => ({ x: day.day, y: counts(day)?.[key] ?? 0 })),
  }));
}

function rank(a: string, b: string, by: Breakdown, totals: Map<string, number>): number {
  if (by === "channel") {
    const [ia, ib] = [channelOrder.indexOf(a), channelOrder.indexOf(b)].map((i) => (i < 0 ? channelOrder.length : i));
    if (ia !== ib) return ia - ib;
  }
  return totals.get(b)! - totals.get(a)! || a.localeCompare(b);
}

/** A day of the window as the chart's axis shows it: "Oct 29" (the days are UTC calendar days, so shown in UTC). */
export function dayLabel(day: string, locale?: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { month: "short", day: "numeric", timeZone: "UTC" });
}

export interface MissingPromptRow {
  language: string;
  prompt: string;
  reads: number;
}

/** Each language and prompt that lacked text over the window, with the reads that met the gap; most reads first. */
export function missingPromptRows(days: UsageDay[]): MissingPromptRow[] {
  const reads = new Map<string, MissingPromptRow>();
  for (const day of days)
    for (const [language, prompts] of Object.entries(day.missingPrompts ?? {}))
      for (const [prompt, n] of Object.entries(prompts)) {
        const key = JSON.stringify([language, prompt]);
        const row = reads.get(key) ?? { language, prompt, reads: 0 };
        row.reads += n;
        reads.set(key, row);
      }
  return [...reads.values()].sort((a, b) => b.reads - a.reads || a.language.localeCompare(b.language) || a.prompt.localeCompare(b.prompt));
}
