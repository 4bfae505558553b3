import { describe, expect, it } from "vitest";
import type { FlowConfig } from "../api/types";
import { resolvedSize, validateConfig, validateId } from "./validation";

const valid: FlowConfig = {
  id: "branch-office-austin",
  description: "Austin branch",
  variables: { closure: "false", maxWaitTime: "600", priority: "medium" },
  schema: {
    closure: { type: "boolean" },
    maxWaitTime: { type: "number" },
    priority: { type: "select", options: ["low", "medium", "high"] },
  },
  prompts: { greeting: { "en-US": { voice: "<speak>Hello.</speak>", chat: "Hi!" }, "es-US": { voice: "Hola." } } },
};

describe("validateConfig mirrors the server's rules", () => {
  it("accepts a valid config", () => {
    expect(validateConfig(valid)).toEqual({});
  });

  it.each([
    [{ ...valid, description: "" }, "description"],
    [{ ...valid, variables: { ...valid.variables, maxWaitTime: "ten" } }, "variables.maxWaitTime"],
    [{ ...valid, variables: { ...valid.variables, maxWaitTime: "1,5" } }, "variables.maxWaitTime"],
    [{ ...valid, variables: { ...valid.variables, closure: "yes" } }, "variables.closure"],
    [{ ...valid, variables: { ...valid.variables, priority: "urgent" } }, "variables.priority"],
    [{ ...valid, variables: { ...valid.variables, "bad name": "x" } }, "variables.bad name"],
    [{ ...valid, prompts: { greeting: { english: { voice: "x" } } } }, "prompts.greeting.english"],
    [{ ...valid, prompts: { greeting: { "en-US": { voice: "  " } } } }, "prompts.greeting.en-US.voice"],
    [{ ...valid, prompts: { greeting: { "en-US": { voice: "<speak>unclosed" } } } }, "prompts.greeting.en-US.voice"],
    [{ ...valid, prompts: { greeting: { "en-US": { voice: "<voice>x</voice>" } } } }, "prompts.greeting.en-US.voice"],
    [{ ...valid, prompts: { closure: { "en-US": { voice: "x" } } } }, "prompts.closure"],
    [{ ...valid, prompts: { greeting: {} } }, "prompts.greeting"],
    [{ ...valid, schema: { ...valid.schema, missing: { type: "text" as const } } }, "schema.missing"],
  ])("names the field %#", (config, field) => {
    expect(Object.keys(validateConfig(config as FlowConfig))).toContain(field);
  });

  it.each(["../x", "a//b", "/x", "x/", "a b", "preview", "x".repeat(129), "café"])("refuses the id %s", (id) => {
    expect(validateId(id)).toBeDefined();
  });

  it.each(["+18005551234", "queue/technical-support", "a.b:c@d"])("accepts the id %s", (id) => {
    expect(validateId(id)).toBeUndefined();
  });

  it("counts resolved size in UTF-8 bytes", () => {
    expect(resolvedSize({ a: "é" })).toBe(new TextEncoder().encode('{"a":"é"}').length);
  });
});
