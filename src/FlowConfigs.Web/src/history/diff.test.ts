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

  it("shows schema changes", () => {
    const v2 = { ...v1, schema: { priority: { type: "select" as const, options: ["low", "medium", "high"] } } };
    expect(diff(v1, v2)).toEqual([{ field: "schema.priority", before: "select: low, high", after: "select: low, medium, high" }]);
  });
});
