import { describe, expect, it } from "vitest";
import { previewAt, previewMomentLabel, previewReady } from "./previewMoment";

describe("the preview's moment", () => {
  it("is now unless a time is chosen, and says so", () => {
    expect(previewAt({ kind: "now" })).toBeUndefined();
    expect(previewReady({ kind: "now" })).toBe(true);
    expect(previewMomentLabel({ kind: "now" }, "America/Chicago")).toBe("Now");
  });

  it("sends a chosen time as a local time and names its zone", () => {
    const moment = { kind: "at" as const, fields: { date: "2026-12-25", time: "09:00" } };
    expect(previewAt(moment)).toBe("2026-12-25T09:00");
    expect(previewReady(moment)).toBe(true);
    expect(previewMomentLabel(moment, "America/Chicago", "en-GB")).toBe("At Fri, 25 Dec 2026, 09:00 (America/Chicago)");
  });

  it("waits for a complete date and time", () => {
    const moment = { kind: "at" as const, fields: { date: "2026-12-25", time: "09:" } };
    expect(previewAt(moment)).toBeUndefined();
    expect(previewReady(moment)).toBe(false);
  });
});
