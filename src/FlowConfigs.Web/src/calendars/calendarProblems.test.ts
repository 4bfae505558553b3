import { describe, expect, it } from "vitest";
import { describeCalendarProblems, problemsOfEvent } from "./calendarProblems";

const events = [
  { name: "Thanksgiving", start: "2026-11-26T00:00", end: "2026-11-27T00:00" },
  { name: "Christmas Day", start: "2026-12-25T00:00", end: "2026-12-25T00:00" },
];
const fields = {
  "events[1].end": ["end must be after start."],
  "events[2].repeat": ["repeat is an RRULE such as FREQ=YEARLY."],
  description: ["description is required, 1 to 1,024 characters."],
};

describe("a calendar's problems", () => {
  it("names the event each message is about", () => {
    expect(describeCalendarProblems(fields, events)).toEqual([
      "Christmas Day, end: end must be after start.",
      "Event 3, repeat: repeat is an RRULE such as FREQ=YEARLY.",
      "description: description is required, 1 to 1,024 characters.",
    ]);
  });

  it("gives one event's messages by field, for its form", () => {
    expect(problemsOfEvent(fields, 1)).toEqual({ end: "end must be after start." });
    expect(problemsOfEvent({ "events[0]": ["An event is an object."] }, 0)).toEqual({ "": "An event is an object." });
    expect(problemsOfEvent(fields, 0)).toEqual({});
  });
});
