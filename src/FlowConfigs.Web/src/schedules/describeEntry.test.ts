import { describe, expect, it } from "vitest";
import { describeChanges, describeWhen } from "./describeEntry";

describe("an entry in words", () => {
  it("says when a window applies, and how it repeats", () => {
    expect(describeWhen({ name: "Christmas", start: "2026-12-24T17:00", end: "2026-12-26T08:00" }, "en-GB"))
      .toBe("Thu, 24 Dec 2026, 17:00 to Sat, 26 Dec 2026, 08:00, once");
    expect(describeWhen({ name: "Maintenance", start: "2026-11-29T02:00", end: "2026-11-29T04:00", repeat: "FREQ=WEEKLY;BYDAY=SU" }, "en-GB"))
      .toBe("Sun, 29 Nov 2026, 02:00 to Sun, 29 Nov 2026, 04:00, then every Sunday");
    expect(describeWhen({ name: "Holidays", calendar: "us-holidays" })).toBe("During every event of calendar us-holidays");
  });

  it("lists the variables with their values, then the prompt languages", () => {
    expect(describeChanges({ name: "x", variables: { closure: "true", note: "" }, prompts: { welcome: { "en-US": { voice: "a" }, "es-US": { voice: "b" } } } }))
      .toEqual(["closure → true", "note → (empty)", "welcome (en-US)", "welcome (es-US)"]);
  });
});
