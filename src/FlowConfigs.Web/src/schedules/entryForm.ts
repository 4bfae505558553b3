import type { FlowConfig, PromptText, ScheduleEntry } from "../api/types";
import type { FieldErrors } from "../configs/validation";
import { joinLocal, splitLocal, windowProblems, type LocalFields } from "./localTime";
import { formatRepeat, parseRepeat, repeatProblem, type Repeat } from "./repeatRule";
import { entryProblems } from "./scheduleValidation";

/** A schedule entry as its form holds it: a window's times as date and time fields, its repeat as a choice. */
export interface EntryForm {
  name: string;
  kind: "window" | "calendar";
  start: LocalFields;
  end: LocalFields;
  repeat: Repeat;
  calendar: string;
  variables: Record<string, string>;
  prompts: Record<string, Record<string, PromptText>>;
}

/** The form for an entry, or for a new one: a window starting tomorrow at 00:00 for a day, not repeating. */
export function formOf(entry: ScheduleEntry | undefined, tomorrow: string, dayAfter: string): EntryForm {
  if (!entry)
    return {
      name: "", kind: "window", start: { date: tomorrow, time: "00:00" }, end: { date: dayAfter, time: "00:00" },
      repeat: { kind: "none" }, calendar: "", variables: {}, prompts: {},
    };
  return {
    name: entry.name,
    kind: entry.calendar !== undefined ? "calendar" : "window",
    start: splitLocal(entry.start),
    end: splitLocal(entry.end),
    repeat: parseRepeat(entry.repeat, entry.start),
    calendar: entry.calendar ?? "",
    variables: { ...(entry.variables ?? {}) },
    prompts: structuredClone(entry.prompts ?? {}),
  };
}

/** The entry the form describes, as the API stores it; fields left empty are left out. */
export function entryOf(form: EntryForm): ScheduleEntry {
  const entry: ScheduleEntry = { name: form.name.trim() };
  if (form.kind === "calendar") entry.calendar = form.calendar;
  else {
    entry.start = joinLocal(form.start) ?? `${form.start.date}T${form.start.time}`;
    entry.end = joinLocal(form.end) ?? `${form.end.date}T${form.end.time}`;
    const repeat = formatRepeat(form.repeat);
    if (repeat) entry.repeat = repeat;
  }
  if (Object.keys(form.variables).length) entry.variables = form.variables;
  if (Object.keys(form.prompts).length) entry.prompts = form.prompts;
  return entry;
}

/**
 * The form's problems by field: "start.date", "end.time", "repeat", "name", "calendar", "" (the entry as a whole),
 * "variables.closure", "prompts.welcome.en-US.voice". A window's times are checked as the fields they are typed in.
 */
export function formProblems(form: EntryForm, config: FlowConfig, otherNames: string[], calendars?: string[]): FieldErrors {
  const entry = entryOf(form);
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(entryProblems(entry, config, otherNames, calendars)))
    if (path !== "start" && path !== "end" && path !== "repeat") errors[path] = message;
  if (form.kind === "window") Object.assign(errors, windowFieldProblems(form.start, form.end, form.repeat));
  return errors;
}

/** A window's problems by form field (start.date, start.time, end.date, end.time, repeat), for entries and calendar events alike. */
export function windowFieldProblems(start: LocalFields, end: LocalFields, repeat: Repeat): FieldErrors {
  const errors: FieldErrors = {};
  const times = windowProblems(start, end);
  for (const side of ["start", "end"] as const)
    for (const part of ["date", "time"] as const) {
      const message = times[side][part];
      if (message) errors[`${side}.${part}`] = message;
    }
  const problem = repeatProblem(repeat);
  if (problem) errors.repeat = problem;
  return errors;
}

/**
 * What the server said about the entry, on the form's fields: its message about a start or end goes under that side's
 * date. The form's own message for a field comes first.
 */
export function withServerProblems(client: FieldErrors, server: FieldErrors): FieldErrors {
  const merged: FieldErrors = {};
  for (const [path, message] of Object.entries(server)) merged[path === "start" || path === "end" ? `${path}.date` : path] = message;
  return { ...merged, ...client };
}

/** Which form field a problem's path belongs to, for "show it once that field was touched". */
export function fieldOf(path: string): string {
  return path.split(".")[0];
}
