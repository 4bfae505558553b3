import { describe, expect, it } from "vitest";
import { changeRows, valueText } from "./changeRows";

describe("changeRows", () => {
  it("keeps the server's paths, kinds and order, with an absent side left empty", () => {
    expect(changeRows([
      { path: "variables.openHours", kind: "changed", before: "9-17", after: "8-18" },
      { path: "description", kind: "added", after: "Billing" },
      { path: "timeZone", kind: "removed", before: "America/Chicago", after: null },
    ])).toEqual([
      { path: "variables.openHours", kind: "changed", before: "9-17", after: "8-18" },
      { path: "description", kind: "added", before: undefined, after: "Billing" },
      { path: "timeZone", kind: "removed", before: "America/Chicago", after: undefined },
    ]);
  });

  it("shows a prompt text by its words, with the chat text when it has one", () => {
    expect(valueText({ voice: "<speak>Hello</speak>" })).toBe("<speak>Hello</speak>");
    expect(valueText({ voice: "Hello", chat: "Hi!" })).toBe("Hello (chat: Hi!)");
  });

  it("shows a variable's rule as the history does", () => {
    expect(valueText({ type: "select", options: ["low", "high"] })).toBe("select: low, high");
    expect(valueText({ type: "number" })).toBe("number");
  });

  it("shows a schedule entry by name, when it applies and what it changes", () => {
    expect(valueText({ name: "Holidays", calendar: "us-holidays", variables: { closure: "true" } }))
      .toBe("Holidays: During every event of calendar us-holidays; changes closure → true");
    expect(valueText({ name: "Christmas", start: "2026-12-24T17:00", end: "2026-12-26T08:00" }, "en-GB"))
      .toBe("Christmas: Thu, 24 Dec 2026, 17:00 to Sat, 26 Dec 2026, 08:00, once");
  });

  it("writes numbers, flags and other objects out rather than as [object Object]", () => {
    expect(valueText(3)).toBe("3");
    expect(valueText(false)).toBe("false");
    expect(valueText({ "en-US": { voice: "Hi" } })).toBe('{"en-US":{"voice":"Hi"}}');
  });
});
