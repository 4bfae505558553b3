import { describe, expect, it } from "vitest";
import type { FlowConfig } from "../api/types";
import { diff } from "./diff";

const v1: FlowConfig = {
  id: "x", description: "Main line", variables: { closure: "false", priority: "low" },
  schema: { priority: { type: "select", options: ["low", "high"] } },
  prompts: { greeting: { "en-US": { voice: "Hi" } } },
};

describe("diff", () => {
  it("is empty for the same document", () => expect(diff(v1, structuredClone(v1))).toEqual([]));

  it("lists changed, added and removed fields by path", () => {
    const v2: FlowConfig = {
      ...v1,
      variables: { closure: "true", wait: "10" },
      prompts: { greeting: { "en-US": { voice: "Hello", chat: "Hello!" }, "es-US": { voice: "Hola" } } },
    };
    expect(diff(v1, v2)).toEqual([
      { field: "prompts.greeting.en-US.chat", before: undefined, after: "Hello!" },
      { field: "prompts.greeting.en-US.voice", before: "Hi", after: "Hello" },
      { field: "prompts.greeting.es-US.voice", before: undefined, after: "Hola" },
      { field: "variables.closure", before: "false", after: "true" },
      { field: "variables.priority", before: "low", after: undefined },
      { field: "variables.wait", before: undefined, after: "10" },
    ]);
  });

  it("shows the time zone and schedule entries by position, so a reorder shows as the change of precedence it is", () => {
    const christmas = { name: "Christmas", start: "2026-12-24T17:00", end: "2026-12-26T08:00", variables: { closure: "true" } };
    const holidays = { name: "Holidays", calendar: "us-holidays", prompts: { greeting: { "en-US": { voice: "Closed" } } } };
    const v2: FlowConfig = { ...v1, timeZone: "America/Chicago", schedule: [christmas, holidays] };
    expect(diff(v1, v2).map((c) => c.field)).toEqual([
      "schedule[0].end", "schedule[0].name", "schedule[0].start", "schedule[0].variables.closure",
      "schedule[1].calendar", "schedule[1].name", "schedule[1].prompts.greeting.en-US.voice", "timeZone",
    ]);
    const swapped = diff(v2, { ...v2, schedule: [holidays, christmas] });
    expect(swapped).toContainEqual({ field: "schedule[0].name", before: "Christmas", after: "Holidays" });
    expect(swapped).toContainEqual({ field: "schedule[1].calendar", before: "us-holidays", after: undefined });
  });

  it("shows schema changes", () => {
    const v2 = { ...v1, schema: { priority: { type: "select" as const, options: ["low", "medium", "high"] } } };
    expect(diff(v1, v2)).toEqual([{ field: "schema.priority", before: "select: low, high", after: "select: low, medium, high" }]);
  });
});
