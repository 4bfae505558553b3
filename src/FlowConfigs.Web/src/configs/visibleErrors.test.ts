import { describe, expect, it } from "vitest";
import type { FlowConfig } from "../api/types";
import { visibleErrors } from "./visibleErrors";

const blank: FlowConfig = { id: "", description: "", variables: {}, prompts: {} };
const stored: FlowConfig = {
  id: "austin",
  description: "Austin",
  variables: { maxWaitTime: "600" },
  schema: { maxWaitTime: { type: "number" } },
  prompts: { greeting: { "en-US": { voice: "Hello." } } },
};
const none = new Set<string>();

describe("visibleErrors", () => {
  it("keeps a new config's empty required fields quiet until touched", () => {
    const errors = { id: "Use 1 to 128 letters.", description: "A description is required." };
    expect(visibleErrors(errors, blank, blank, none, false)).toEqual({});
    expect(visibleErrors(errors, blank, blank, new Set(["description"]), false)).toEqual({ description: "A description is required." });
  });

  it("shows everything once a save was attempted", () => {
    const errors = { description: "A description is required." };
    expect(visibleErrors(errors, blank, blank, none, true)).toEqual(errors);
  });

  it("shows a problem as soon as the user types something wrong into a new field", () => {
    const draft = { ...blank, id: "a//b" };
    expect(visibleErrors({ id: "No '//'." }, blank, draft, none, false)).toEqual({ id: "No '//'." });
  });

  it("shows a changed field's problem, even when the change emptied it", () => {
    const draft = { ...stored, description: "" };
    expect(visibleErrors({ description: "Required." }, stored, draft, none, false)).toEqual({ description: "Required." });
  });

  it("keeps a just-added prompt's empty voice text quiet", () => {
    const draft = { ...stored, prompts: { ...stored.prompts, closed: { "en-US": { voice: "" } } } };
    const errors = { "prompts.closed.en-US.voice": "Voice text is required." };
    expect(visibleErrors(errors, stored, draft, none, false)).toEqual({});
    expect(visibleErrors(errors, stored, draft, none, true)).toEqual(errors);
  });

  it("always shows problems that belong to no single field", () => {
    const errors = { "prompts.greeting": "A prompt needs at least one language.", "schema.tier.options": "A select needs an option." };
    expect(visibleErrors(errors, stored, stored, none, false)).toEqual(errors);
  });
});
