import type { CalendarEvent } from "../api/types";
import type { FieldErrors } from "../configs/validation";
import { windowFieldProblems } from "../schedules/entryForm";
import { joinLocal, splitLocal, type LocalFields } from "../schedules/localTime";
import { formatRepeat, parseRepeat, type Repeat } from "../schedules/repeatRule";

/** A calendar event as its form holds it. */
export interface EventForm {
  name: string;
  start: LocalFields;
  end: LocalFields;
  repeat: Repeat;
}

/** The form for an event, or for a new one: a whole day (00:00 to 00:00), not repeating. */
export function eventFormOf(event: CalendarEvent | undefined, day: string, nextDay: string): EventForm {
  if (!event) return { name: "", start: { date: day, time: "00:00" }, end: { date: nextDay, time: "00:00" }, repeat: { kind: "none" } };
  return { name: event.name, start: splitLocal(event.start), end: splitLocal(event.end), repeat: parseRepeat(event.repeat, event.start) };
}

export function eventOf(form: EventForm): CalendarEvent {
  const event: CalendarEvent = {
    name: form.name.trim(),
    start: joinLocal(form.start) ?? `${form.start.date}T${form.start.time}`,
    end: joinLocal(form.end) ?? `${form.end.date}T${form.end.time}`,
  };
  const repeat = formatRepeat(form.repeat);
  if (repeat) event.repeat = repeat;
  return event;
}

/** Problems by field: name, start.date, start.time, end.date, end.time, repeat. */
export function eventProblems(form: EventForm): FieldErrors {
  const errors: FieldErrors = {};
  if (form.name.trim() === "") errors.name = "Enter a name, such as Christmas Day.";
  return { ...errors, ...windowFieldProblems(form.start, form.end, form.repeat) };
}

/** How many events an iCalendar file holds, for "replaces N events with M". */
export function countIcsEvents(text: string): number {
  return text.split(/\r?\n/).filter((line) => line.trim().toUpperCase() === "BEGIN:VEVENT").length;
}

/** A first look at a file before it is sent: the server reads it properly. */
export function icsProblem(text: string): string | undefined {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) return "This is not an iCalendar file: it should start with BEGIN:VCALENDAR.";
  return undefined;
}
