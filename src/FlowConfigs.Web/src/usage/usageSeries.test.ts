import { describe, expect, it } from "vitest";
import type { UsageDay } from "../api/types";
import { dayLabel, missingPromptRows, usageSeries } from "./usageSeries";

const day = (date: string, fields: Partial<UsageDay> = {}): UsageDay =>
  ({ day: date, reads: 0, fallback: 0, byLanguage: {}, byChannel: {}, missingPrompts: {}, ...fields });

const days = [
  day("2026-10-27", { reads: 3, byLanguage: { "fr-CA": 1, "en-US": 2 }, byChannel: { chat: 1, voice: 2 } }),
  day("2026-10-28"),
  day("2026-10-29", { reads: 5, byLanguage: { "en-US": 5 }, byChannel: { email: 4, sms: 1 } }),
];

describe("usageSeries", () => {
  it("stacks a series per language, most read first, with a bar for every day", () => {
    expect(usageSeries(days, "language")).toEqual([
      { title: "en-US", type: "bar", data: [{ x: "2026-10-27", y: 2 }, { x: "2026-10-28", y: 0 }, { x: "2026-10-29", y: 5 }] },
      { title: "fr-CA", type: "bar", data: [{ x: "2026-10-27", y: 1 }, { x: "2026-10-28", y: 0 }, { x: "2026-10-29", y: 0 }] },
    ]);
  });

  it("orders channels voice, chat, task, email, then any other, whatever their reads", () => {
    expect(usageSeries(days, "channel").map((s) => s.title)).toEqual(["voice", "chat", "email", "sms"]);
  });

  it("has no series for a window without reads, and none for a key that only ever counted zero", () => {
    expect(usageSeries([day("2026-10-28"), day("2026-10-29", { byChannel: { task: 0 } })], "channel")).toEqual([]);
  });
});

describe("missingPromptRows", () => {
  it("adds each language and prompt up over the days, most reads first", () => {
    const missing = [
      day("2026-10-28", { missingPrompts: { "fr-CA": { welcome: 2, hold: 7 }, "es-US": { welcome: 1 } } }),
      day("2026-10-29", { missingPrompts: { "fr-CA": { welcome: 4 } } }),
    ];
    expect(missingPromptRows(missing)).toEqual([
      { language: "fr-CA", prompt: "hold", reads: 7 },
      { language: "fr-CA", prompt: "welcome", reads: 6 },
      { language: "es-US", prompt: "welcome", reads: 1 },
    ]);
  });

  it("is empty when every language had every prompt", () => {
    expect(missingPromptRows(days)).toEqual([]);
  });
});

describe("dayLabel", () => {
  it("shows the UTC day itself, whatever the browser's zone", () => {
    expect(dayLabel("2026-10-29", "en-US")).toBe("Oct 29");
  });
});
