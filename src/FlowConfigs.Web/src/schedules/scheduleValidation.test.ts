import { describe, expect, it } from "vitest";
import type { FlowConfig, ScheduleEntry } from "../api/types";
import { validateSchedule } from "./scheduleValidation";

const base: FlowConfig = {
  id: "austin",
  description: "Austin",
  variables: { closure: "false", maxWaitTime: "600", priority: "medium" },
  schema: { closure: { type: "boolean" }, maxWaitTime: { type: "number" }, priority: { type: "select", options: ["low", "medium", "high"] } },
  prompts: { welcome: { "en-US": { voice: "Hello." } } },
};
const christmas: ScheduleEntry = { name: "Christmas closure", start: "2026-12-24T17:00", end: "2026-12-26T08:00", variables: { closure: "true" } };
const withSchedule = (...schedule: ScheduleEntry[]): FlowConfig => ({ ...base, schedule });

describe("schedule rules", () => {
  it("accepts windows, repeats and calendars that change existing keys", () => {
    expect(validateSchedule(withSchedule(
      christmas,
      { name: "Sunday maintenance", start: "2026-11-29T02:00", end: "2026-11-29T04:00", repeat: "FREQ=WEEKLY;BYDAY=SU", variables: { maxWaitTime: "60" } },
      { name: "Company holidays", calendar: "us-holidays", prompts: { welcome: { "en-US": { voice: "<speak>We are closed.</speak>" } } } },
    ), ["us-holidays"])).toEqual({});
  });

  it("keys each problem like the server: entry, then field", () => {
    expect(validateSchedule(withSchedule(
      { ...christmas, end: "2026-12-24T17:00" },
      { name: "Christmas closure", calendar: "", variables: { closure: "maybe", missing: "1" } },
      { name: "Sale", start: "2026-12-01T09:00", end: "2026-12-01", repeat: "RRULE:FREQ=DAILY", prompts: { welcome: { "en-US": { voice: " " } }, gone: { de: { voice: "Hallo" } } } },
      { name: " ", calendar: "nope" },
    ), ["us-holidays"])).toEqual({
      "schedule[0].end": "The end must be after the start.",
      "schedule[1].name": "Another entry is already called Christmas closure; each entry needs its own name.",
      "schedule[1].calendar": "Choose a calendar.",
      "schedule[1].variables.closure": "Choose true or false.",
      "schedule[1].variables.missing": "missing is not a variable of this config.",
      "schedule[2].end": "Write the end as a local date and time such as 2026-12-24T17:00.",
      "schedule[2].repeat": "Leave out 'RRULE:'; start with FREQ=.",
      "schedule[2].prompts.welcome.en-US.voice": "Voice text is required.",
      "schedule[2].prompts.gone": "gone is not a prompt of this config.",
      "schedule[3].name": "Enter a name, such as Christmas closure.",
      "schedule[3].calendar": "There is no calendar nope.",
      "schedule[3]": "Choose at least one variable or prompt for this entry to change.",
    });
  });

  it("wants a window or a calendar, not both, and a start and end for a window", () => {
    const errors = validateSchedule(withSchedule(
      { ...christmas, calendar: "us-holidays" },
      { name: "Open-ended", start: "2026-12-24T17:00", variables: { closure: "true" } },
    ));
    expect(errors["schedule[0]"]).toBe("An entry is either a time window or a calendar, not both.");
    expect(errors["schedule[1].end"]).toBe("Enter the end date and time.");
  });

  it("holds at most 100 entries", () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ ...christmas, name: `Entry ${i}` }));
    expect(validateSchedule(withSchedule(...many)).schedule).toBe("A schedule holds at most 100 entries; this one has 101.");
    expect(validateSchedule(withSchedule(...many.slice(0, 100)))).toEqual({});
  });
});
