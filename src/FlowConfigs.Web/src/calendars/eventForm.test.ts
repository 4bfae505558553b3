import { describe, expect, it } from "vitest";
import { countIcsEvents, eventFormOf, eventOf, eventProblems, icsProblem } from "./eventForm";

describe("a calendar event's form", () => {
  it("round-trips an event with a yearly repeat", () => {
    const event = { name: "Christmas Day", start: "2026-12-25T00:00", end: "2026-12-26T00:00", repeat: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25" };
    const form = eventFormOf(event, "", "");
    expect(form.repeat).toEqual({ kind: "yearly", month: 12, day: 25 });
    expect(eventOf(form)).toEqual(event);
    expect(eventProblems(form)).toEqual({});
  });

  it("starts a new event as a whole day and asks for its name", () => {
    const form = eventFormOf(undefined, "2026-12-31", "2027-01-01");
    expect(eventOf(form)).toEqual({ name: "", start: "2026-12-31T00:00", end: "2027-01-01T00:00" });
    expect(eventProblems(form)).toEqual({ name: "Enter a name, such as Christmas Day." });
  });

  it("puts time problems under their fields", () => {
    const form = { ...eventFormOf(undefined, "2026-12-31", "2026-12-30"), name: "Eve" };
    expect(eventProblems(form)).toEqual({ "end.date": "The end must be after the start." });
    expect(eventProblems({ ...form, repeat: { kind: "custom", rule: "WEEKLY" } }).repeat).toContain("KEY=VALUE");
  });
});

describe("an iCalendar file", () => {
  const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "SUMMARY:New Year", "END:VEVENT", "begin:vevent", "SUMMARY:Christmas", "END:VEVENT", "END:VCALENDAR"].join("\r\n");

  it("counts its events", () => {
    expect(countIcsEvents(ics)).toBe(2);
    expect(countIcsEvents("BEGIN:VCALENDAR\nEND:VCALENDAR")).toBe(0);
  });

  it("is refused before sending when it is not iCalendar at all", () => {
    expect(icsProblem(ics)).toBeUndefined();
    expect(icsProblem("{\"events\": []}")).toContain("not an iCalendar file");
  });
});
