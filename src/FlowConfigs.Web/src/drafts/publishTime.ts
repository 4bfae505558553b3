import { fieldsInZone, joinLocal, type LocalFields } from "../schedules/localTime";
import { formatInstant } from "../schedules/timeline";

/**
 * The instant a wall-clock date and time in a zone stands for, as an ISO UTC string, or undefined for incomplete fields.
 * A time that falls in a daylight-saving gap moves forward by the gap, as clocks do; a time that happens twice is the first.
 */
export function instantInZone(fields: LocalFields, zone: string): string | undefined {
  const local = joinLocal(fields);
  if (!local) return undefined;
  const [date, time] = local.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hours, minutes, seconds = 0] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  // The zone's offset at a guess, then at the instant that offset gives: two rounds settle on either side of a change.
  const offsetAt = (instant: number) => {
    const shown = fieldsInZone(new Date(instant), zone);
    const [y, mo, d] = shown.date.split("-").map(Number);
    const [h, mi] = shown.time.split(":").map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, new Date(instant).getUTCSeconds()) - instant;
  };
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  // Both guesses disagree only around a change; the earlier one is the first occurrence (or, in a gap, the later clock).
  const candidates = [first, second].filter((t) => offsetAt(t) === wall - t);
  const chosen = candidates.length > 0 ? Math.min(...candidates) : Math.max(first, second);
  return new Date(chosen).toISOString();
}

/**
 * When a scheduled publish happens, on the config's clock: "Wed, Dec 24, 17:00", with the year when it is not this year
 * there, since a publish can be scheduled months ahead and "Sat, Jun 1" alone would not say which June.
 */
export function publishTimeText(iso: string, zone: string, now: Date = new Date(), locale?: string): string {
  return formatInstant(iso, zone, locale, Number(fieldsInZone(now, zone).date.slice(0, 4)));
}
