import { describe, expect, it, vi } from "vitest";
import { addDays, compareLocal, fieldProblems, fieldsInZone, formatLocal, joinLocal, splitLocal, windowProblems } from "./localTime";

describe("local date and time fields", () => {
  it("splits a stored time into its date and time, and joins them back", () => {
    expect(splitLocal("2026-12-24T17:00")).toEqual({ date: "2026-12-24", time: "17:00" });
    expect(splitLocal("2026-12-24T17:00:00")).toEqual({ date: "2026-12-24", time: "17:00" });
    expect(splitLocal("2026-12-24T17:00:30")).toEqual({ date: "2026-12-24", time: "17:00:30" });
    expect(splitLocal(undefined)).toEqual({ date: "", time: "" });
    expect(splitLocal("2026-12-24T17:00Z")).toEqual({ date: "", time: "" });
    expect(joinLocal({ date: "2026-12-24", time: "17:00" })).toBe("2026-12-24T17:00");
  });

  it("joins nothing until both fields are complete and real", () => {
    expect(joinLocal({ date: "2026-12-24", time: "17:" })).toBeUndefined();
    expect(joinLocal({ date: "2026-02-30", time: "17:00" })).toBeUndefined();
    expect(joinLocal({ date: "", time: "17:00" })).toBeUndefined();
  });

  it.each([
    [{ date: "", time: "" }, { date: "Enter a date.", time: "Enter a time." }],
    [{ date: "2026-12", time: "1" }, { date: "Enter the date as YYYY/MM/DD.", time: "Enter the time as HH:MM, 24-hour (17:30)." }],
    [{ date: "2027-02-29", time: "24:00" }, { date: "2027/02/29 is not a date.", time: "24:00 is not a time of day." }],
    [{ date: "2028-02-29", time: "23:59" }, {}],
  ])("checks %j", (fields, problems) => {
    expect(fieldProblems(fields)).toEqual(problems);
  });

  it("wants the end after the start, and says so under the end", () => {
    const start = { date: "2026-12-24", time: "17:00" };
    expect(windowProblems(start, { date: "2026-12-24", time: "17:00" }).end.date).toBe("The end must be after the start.");
    expect(windowProblems(start, { date: "2026-12-23", time: "23:00" }).end.date).toBe("The end must be after the start.");
    expect(windowProblems(start, { date: "2026-12-26", time: "08:00" })).toEqual({ start: {}, end: {} });
    // An incomplete side has its own message; "after" waits until both are there.
    expect(windowProblems(start, { date: "2026-12-23", time: "" }).end).toEqual({ time: "Enter a time." });
  });

  it("compares wall-clock times with and without seconds", () => {
    expect(compareLocal("2026-12-24T17:00", "2026-12-24T17:00:00")).toBe(0);
    expect(compareLocal("2026-12-24T17:00", "2026-12-24T17:00:01")).toBe(-1);
    expect(compareLocal("2026-12-25T00:00", "2026-12-24T23:59")).toBe(1);
  });

  it("reads the wall clock of a zone at an instant", () => {
    const instant = new Date("2026-12-25T03:30:00Z");
    expect(fieldsInZone(instant, "UTC")).toEqual({ date: "2026-12-25", time: "03:30" });
    expect(fieldsInZone(instant, "America/Chicago")).toEqual({ date: "2026-12-24", time: "21:30" });
    expect(fieldsInZone(instant, "Asia/Kolkata")).toEqual({ date: "2026-12-25", time: "09:00" });
    // Midnight is 00, not 24.
    expect(fieldsInZone(new Date("2026-12-25T06:00:00Z"), "America/Chicago")).toEqual({ date: "2026-12-25", time: "00:00" });
  });

  it("adds calendar days across months and years", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-08", 28)).toBe("2026-04-05");
  });

  it("shows a stored time as the wall clock reads it, whatever the browser's zone", () => {
    // A browser far ahead of UTC: a naive Date would move 17:00 into the next day.
    vi.stubEnv("TZ", "Pacific/Kiritimati");
    try {
      expect(new Date(Date.UTC(2026, 11, 24, 17)).getDate()).toBe(25);
      expect(formatLocal("2026-12-24T17:00", "en-GB")).toBe("Thu, 24 Dec 2026, 17:00");
      expect(formatLocal("2026-12-24T00:05", "en-US")).toBe("Thu, Dec 24, 2026, 00:05");
      expect(formatLocal("nonsense", "en-GB")).toBe("nonsense");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
