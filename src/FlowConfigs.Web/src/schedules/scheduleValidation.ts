import type { FlowConfig, ScheduleEntry } from "../api/types";
import { promptTextProblems, variableValueProblem, type FieldErrors } from "../configs/validation";
import { compareLocal } from "./localTime";
import { customRuleProblem } from "./repeatRule";
import { entryPath } from "./entryErrors";

// The server's schedule rules, checked as the user works. Messages are keyed like the server's problem fields
// (schedule[2].variables.closure), so both show in the same place; the server stays the judge.

export const maxScheduleEntries = 100;

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * One entry's problems, keyed by the path inside the entry ("name", "end", "variables.closure"; "" for the entry as a
 * whole). `names` are the other entries' names; `calendars`, when known, the calendars that exist.
 */
export function entryProblems(entry: ScheduleEntry, config: FlowConfig, names: string[], calendars?: string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (entry.name.trim() === "") errors.name = "Enter a name, such as Christmas closure.";
  else if (names.includes(entry.name)) errors.name = `Another entry is already called ${entry.name}; each entry needs its own name.`;

  const window = entry.start !== undefined || entry.end !== undefined || entry.repeat !== undefined;
  if (window && entry.calendar !== undefined) errors[""] = "An entry is either a time window or a calendar, not both.";
  else if (entry.calendar !== undefined) {
    if (entry.calendar === "") errors.calendar = "Choose a calendar.";
    else if (calendars && !calendars.includes(entry.calendar)) errors.calendar = `There is no calendar ${entry.calendar}.`;
  } else {
    const start = localProblem(entry.start, "start");
    const end = localProblem(entry.end, "end");
    if (start) errors.start = start;
    if (end) errors.end = end;
    if (!start && !end && compareLocal(entry.end!, entry.start!) <= 0) errors.end = "The end must be after the start.";
    const repeat = entry.repeat === undefined ? undefined : customRuleProblem(entry.repeat);
    if (repeat) errors.repeat = repeat;
  }

  const variables = Object.entries(entry.variables ?? {});
  const prompts = Object.entries(entry.prompts ?? {});
  if (variables.length === 0 && prompts.length === 0 && !errors[""])
    errors[""] = "Choose at least one variable or prompt for this entry to change.";
  for (const [name, value] of variables) {
    const problem = name in config.variables ? variableValueProblem(config.schema?.[name], value) : `${name} is not a variable of this config.`;
    if (problem) errors[`variables.${name}`] = problem;
  }
  for (const [name, languages] of prompts) {
    if (!(name in config.prompts)) errors[`prompts.${name}`] = `${name} is not a prompt of this config.`;
    else if (Object.keys(languages).length === 0) errors[`prompts.${name}`] = "Choose at least one language to change.";
    for (const [language, text] of Object.entries(languages)) {
      const problems = promptTextProblems(language, text);
      if (problems.language) errors[`prompts.${name}.${language}`] = problems.language;
      if (problems.voice) errors[`prompts.${name}.${language}.voice`] = problems.voice;
    }
  }
  return errors;
}

/** Every entry's problems, keyed like the server's fields; "schedule" for the schedule as a whole. */
export function validateSchedule(config: FlowConfig, calendars?: string[]): FieldErrors {
  const schedule = config.schedule ?? [];
  const errors: FieldErrors = {};
  if (schedule.length > maxScheduleEntries) errors.schedule = `A schedule holds at most ${maxScheduleEntries} entries; this one has ${schedule.length}.`;
  schedule.forEach((entry, index) => {
    // Only earlier entries count as taken: the first of two entries with one name stays clean, the second is marked.
    const earlier = schedule.slice(0, index).map((e) => e.name);
    for (const [path, message] of Object.entries(entryProblems(entry, config, earlier, calendars))) errors[entryPath(index, path)] = message;
  });
  return errors;
}

function localProblem(value: string | undefined, side: "start" | "end"): string | undefined {
  if (value === undefined || value === "") return `Enter the ${side} date and time.`;
  if (!localPattern.test(value)) return `Write the ${side} as a local date and time such as 2026-12-24T17:00.`;
  return undefined;
}
