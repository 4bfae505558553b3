import { describe, expect, it } from "vitest";
import type { ScheduleEntry } from "../api/types";
import { moveEntry, overriddenBy, putEntry, removeEntry } from "./scheduleOrder";

const a: ScheduleEntry = { name: "Christmas closure", start: "2026-12-24T17:00", end: "2026-12-26T08:00", variables: { closure: "true" }, prompts: { welcome: { "en-US": { voice: "Closed." } } } };
const b: ScheduleEntry = { name: "Company holidays", calendar: "us-holidays", variables: { closure: "true", maxWaitTime: "0" } };
const c: ScheduleEntry = { name: "Sale", start: "2026-12-01T09:00", end: "2026-12-31T17:00", prompts: { welcome: { "en-US": { voice: "Sale!" }, "es-US": { voice: "¡Oferta!" } } } };
const names = (s: ScheduleEntry[]) => s.map((e) => e.name);

describe("precedence by order", () => {
  it("moves an entry up and down one place", () => {
    expect(names(moveEntry([a, b, c], 2, -1))).toEqual(["Christmas closure", "Sale", "Company holidays"]);
    expect(names(moveEntry([a, b, c], 0, 1))).toEqual(["Company holidays", "Christmas closure", "Sale"]);
  });

  it("leaves the schedule as it is at either end", () => {
    const schedule = [a, b, c];
    expect(moveEntry(schedule, 0, -1)).toBe(schedule);
    expect(moveEntry(schedule, 2, 1)).toBe(schedule);
  });

  it("adds at the end, replaces in place, removes by position", () => {
    expect(names(putEntry([a, b], 2, c))).toEqual(["Christmas closure", "Company holidays", "Sale"]);
    expect(putEntry([a, b], 0, c)).toEqual([c, b]);
    expect(names(removeEntry([a, b, c], 1))).toEqual(["Christmas closure", "Sale"]);
  });

  it("names the earlier entries that win a key when both apply", () => {
    expect(overriddenBy([a, b, c], 1)).toEqual({ closure: ["Christmas closure"] });
    expect(overriddenBy([a, b, c], 2)).toEqual({ "welcome (en-US)": ["Christmas closure"] });
    expect(overriddenBy([a, b, c], 0)).toEqual({});
    expect(overriddenBy(moveEntry([a, b, c], 1, -1), 1)).toEqual({ closure: ["Company holidays"] });
  });
});
