import type { TimelineSegment } from "../api/types";
import { addDays, fieldsInZone } from "./localTime";

/** How far ahead the timeline looks. */
export const timelineWeeks = [1, 4, 12] as const;
export type TimelineWeeks = (typeof timelineWeeks)[number];

/** From the start of today in the zone, so many weeks ahead; local times the server reads in the config's zone. */
export function timelineRange(now: Date, zone: string, weeks: number): { from: string; to: string } {
  return timelineRangeFrom(fieldsInZone(now, zone).date, weeks);
}

/** From the start of a local day (yyyy-MM-dd), so many weeks ahead. */
export function timelineRangeFrom(day: string, weeks: number): { from: string; to: string } {
  return { from: `${day}T00:00`, to: `${addDays(day, weeks * 7)}T00:00` };
}

/** One segment as people read it, in the config's zone. */
export interface TimelineRow {
  key: string;
  start: string;
  end: string;
  length: string;
  entries: string[];
}

/** An instant in a zone: "Thu, 24 Dec, 17:00" (the year when it is not the reference year). */
export function formatInstant(iso: string, zone: string, locale?: string, referenceYear?: number): string {
  const instant = new Date(iso);
  const year = Number(new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric" }).format(instant));
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    ...(referenceYear !== undefined && year !== referenceYear ? { year: "numeric" } : {}),
  }).format(instant);
}

/** "2 h", "1 d 6 h", "45 min": how long a segment lasts. */
export function formatLength(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", rest ? `${rest} min` : ""].filter(Boolean);
  return parts.length ? parts.join(" ") : "0 min";
}

/**
 * The segments as rows in the zone; an end on the same local day as its start shows the time only. The year appears
 * only on dates outside the first segment's year.
 */
export function timelineRows(segments: TimelineSegment[], zone: string, locale?: string): TimelineRow[] {
  if (segments.length === 0) return [];
  const yearOf = (iso: string) => Number(new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric" }).format(new Date(iso)));
  const dayOf = (iso: string) => fieldsInZone(new Date(iso), zone).date;
  const referenceYear = yearOf(segments[0].start);
  return segments.map((s) => ({
    key: s.start,
    start: formatInstant(s.start, zone, locale, referenceYear),
    end: dayOf(s.end) === dayOf(s.start)
      ? new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(s.end))
      : formatInstant(s.end, zone, locale, referenceYear),
    length: formatLength(new Date(s.end).getTime() - new Date(s.start).getTime()),
    entries: s.entries,
  }));
}

/** Where an entry applies along the bar, as percentages of the whole range. */
export interface Span {
  left: number;
  width: number;
}

export interface Lane {
  entry: string;
  spans: Span[];
}

/**
 * One lane per entry that applies somewhere in the range, in schedule order (which is precedence), with its stretches
 * as parts of the bar; neighbouring segments that both list it are one stretch.
 */
export function timelineLanes(segments: TimelineSegment[], order: string[]): Lane[] {
  if (segments.length === 0) return [];
  const first = new Date(segments[0].start).getTime();
  const total = new Date(segments[segments.length - 1].end).getTime() - first;
  if (total <= 0) return [];
  const names = [...new Set(segments.flatMap((s) => s.entries))];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  names.sort((a, b) => rank(a) - rank(b));
  return names.map((entry) => {
    const spans: Span[] = [];
    let open: { start: number; end: number } | null = null;
    for (const segment of segments) {
      const start = new Date(segment.start).getTime();
      const end = new Date(segment.end).getTime();
      if (segment.entries.includes(entry)) {
        if (open && open.end === start) open.end = end;
        else {
          if (open) spans.push(toSpan(open, first, total));
          open = { start, end };
        }
      }
    }
    if (open) spans.push(toSpan(open, first, total));
    return { entry, spans };
  });
}

function toSpan(stretch: { start: number; end: number }, first: number, total: number): Span {
  return { left: ((stretch.start - first) / total) * 100, width: ((stretch.end - stretch.start) / total) * 100 };
}
