import { describe, expect, it } from "vitest";
import type { TimelineSegment } from "../api/types";
import { formatLength, timelineLanes, timelineRange, timelineRangeFrom, timelineRows } from "./timeline";

// Christmas closure in Chicago (UTC-6): 24 Dec 17:00 to 26 Dec 08:00 local.
const segments: TimelineSegment[] = [
  { start: "2026-12-21T06:00:00Z", end: "2026-12-24T23:00:00Z", entries: [] },
  { start: "2026-12-24T17:00:00-06:00", end: "2026-12-25T00:00:00-06:00", entries: ["Christmas closure"] },
  { start: "2026-12-25T00:00:00-06:00", end: "2026-12-26T00:00:00-06:00", entries: ["Christmas closure", "Company holidays"] },
  { start: "2026-12-26T00:00:00-06:00", end: "2026-12-26T08:00:00-06:00", entries: ["Christmas closure"] },
  { start: "2026-12-26T08:00:00-06:00", end: "2027-01-04T06:00:00Z", entries: [] },
];

describe("the timeline", () => {
  it("shows each segment in the config's zone, the end as a time when it is the same day", () => {
    const rows = timelineRows(segments, "America/Chicago", "en-GB");
    expect(rows.map((r) => [r.start, r.end, r.length])).toEqual([
      ["Mon 21 Dec, 00:00", "Thu 24 Dec, 17:00", "3 d 17 h"],
      ["Thu 24 Dec, 17:00", "Fri 25 Dec, 00:00", "7 h"],
      ["Fri 25 Dec, 00:00", "Sat 26 Dec, 00:00", "1 d"],
      ["Sat 26 Dec, 00:00", "08:00", "8 h"],
      ["Sat 26 Dec, 08:00", "Mon, 4 Jan 2027, 00:00", "8 d 16 h"],
    ]);
    expect(rows[2].entries).toEqual(["Christmas closure", "Company holidays"]);
  });

  it("shows the same instants on another zone's clock", () => {
    const rows = timelineRows(segments.slice(1, 2), "Europe/Berlin", "en-GB");
    expect([rows[0].start, rows[0].end]).toEqual(["Fri 25 Dec, 00:00", "07:00"]);
  });

  it("puts each entry in a lane, neighbouring stretches joined, in schedule order", () => {
    const lanes = timelineLanes(segments, ["Company holidays", "Christmas closure"]);
    expect(lanes.map((l) => l.entry)).toEqual(["Company holidays", "Christmas closure"]);
    const total = Date.parse("2027-01-04T06:00:00Z") - Date.parse("2026-12-21T06:00:00Z");
    const closure = lanes[1].spans;
    expect(closure).toHaveLength(1);
    expect(closure[0].left).toBeCloseTo(((Date.parse("2026-12-24T23:00:00Z") - Date.parse("2026-12-21T06:00:00Z")) / total) * 100, 6);
    expect(closure[0].width).toBeCloseTo((39 * 3600000 / total) * 100, 6);
    expect(lanes[0].spans[0].width).toBeCloseTo((24 * 3600000 / total) * 100, 6);
  });

  it("keeps separate stretches of a repeating entry apart", () => {
    const weekly: TimelineSegment[] = [
      { start: "2026-11-29T02:00:00Z", end: "2026-11-29T04:00:00Z", entries: ["Sunday maintenance"] },
      { start: "2026-11-29T04:00:00Z", end: "2026-12-06T02:00:00Z", entries: [] },
      { start: "2026-12-06T02:00:00Z", end: "2026-12-06T04:00:00Z", entries: ["Sunday maintenance"] },
    ];
    expect(timelineLanes(weekly, ["Sunday maintenance"])[0].spans).toHaveLength(2);
    expect(timelineLanes([], [])).toEqual([]);
  });

  it("looks ahead from the start of today in the config's zone", () => {
    // 03:30 UTC on the 25th is still the 24th in Chicago.
    expect(timelineRange(new Date("2026-12-25T03:30:00Z"), "America/Chicago", 4)).toEqual({ from: "2026-12-24T00:00", to: "2027-01-21T00:00" });
    expect(timelineRange(new Date("2026-12-25T03:30:00Z"), "UTC", 1)).toEqual({ from: "2026-12-25T00:00", to: "2027-01-01T00:00" });
    expect(timelineRangeFrom("2027-02-20", 12)).toEqual({ from: "2027-02-20T00:00", to: "2027-05-15T00:00" });
  });

  it("says how long a segment lasts", () => {
    expect(formatLength(45 * 60000)).toBe("45 min");
    expect(formatLength(26 * 3600000 + 30 * 60000)).toBe("1 d 2 h 30 min");
    expect(formatLength(0)).toBe("0 min");
  });
});
