import { describe, expect, it } from "vitest";
import type { FlowConfig } from "../api/types";
import { entryOf, formOf, formProblems, withServerProblems, type EntryForm } from "./entryForm";

const config: FlowConfig = {
  id: "austin", description: "Austin",
  variables: { closure: "false" }, schema: { closure: { type: "boolean" } },
  prompts: { welcome: { "en-US": { voice: "Hello." } } },
};

describe("an entry's form", () => {
  it("round-trips a window with a repeat", () => {
    const entry = { name: "Sunday maintenance", start: "2026-11-29T02:00", end: "2026-11-29T04:00", repeat: "FREQ=WEEKLY;BYDAY=SU", variables: { closure: "true" } };
    const form = formOf(entry, "2026-11-28", "2026-11-29");
    expect(form.start).toEqual({ date: "2026-11-29", time: "02:00" });
    expect(form.repeat).toEqual({ kind: "weekly", days: ["SU"] });
    expect(entryOf(form)).toEqual(entry);
  });

  it("round-trips a calendar entry, with no window fields", () => {
    const entry = { name: "Company holidays", calendar: "us-holidays", prompts: { welcome: { "en-US": { voice: "Closed." } } } };
    expect(entryOf(formOf(entry, "2026-11-28", "2026-11-29"))).toEqual(entry);
  });

  it("starts a new entry as tomorrow's day, not repeating, with nothing changed yet", () => {
    const form = formOf(undefined, "2026-11-28", "2026-11-29");
    expect(entryOf({ ...form, name: " Closure " })).toEqual({ name: "Closure", start: "2026-11-28T00:00", end: "2026-11-29T00:00" });
    expect(formProblems(form, config, [])).toEqual({
      name: "Enter a name, such as Christmas closure.",
      "": "Choose at least one variable or prompt for this entry to change.",
    });
  });

  it("puts time problems under the date or time field they are typed in", () => {
    const form: EntryForm = { ...formOf(undefined, "2026-11-28", "2026-11-29"), name: "X", variables: { closure: "true" } };
    expect(formProblems({ ...form, end: { date: "2026-11-27", time: "12:00" } }, config, [])).toEqual({ "end.date": "The end must be after the start." });
    expect(formProblems({ ...form, start: { date: "2026-11-28", time: "7" } }, config, [])).toEqual({ "start.time": "Enter the time as HH:MM, 24-hour (17:30)." });
    expect(formProblems({ ...form, repeat: { kind: "weekly", days: [] } }, config, [])).toEqual({ repeat: "Choose at least one day of the week." });
    expect(formProblems({ ...form, name: "Taken" }, config, ["Taken"]).name).toContain("already called Taken");
  });

  it("asks for a calendar, and checks no times for it", () => {
    const form: EntryForm = { ...formOf(undefined, "", ""), name: "Holidays", kind: "calendar", variables: { closure: "true" } };
    expect(formProblems(form, config, [])).toEqual({ calendar: "Choose a calendar." });
    expect(formProblems({ ...form, calendar: "us-holidays" }, config, [], ["us-holidays"])).toEqual({});
  });

  it("shows the server's start and end messages under the dates, the form's own first", () => {
    expect(withServerProblems({ "end.date": "The end must be after the start." }, { end: "Too far.", start: "In a gap.", "variables.closure": "No." }))
      .toEqual({ "end.date": "The end must be after the start.", "start.date": "In a gap.", "variables.closure": "No." });
  });
});
