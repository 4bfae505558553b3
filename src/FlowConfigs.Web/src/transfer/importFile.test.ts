import { describe, expect, it } from "vitest";
import type { ImportItem } from "../api/types";
import { describePlan, readImportFile, reasons, writes } from "./importFile";

describe("readImportFile", () => {
  it("takes an array of configs as it is", () => {
    expect(readImportFile("a.json", '[{"id":"a"},{"id":"b"}]')).toEqual({ items: [{ id: "a" }, { id: "b" }] });
  });

  it("takes one config as a one-item import", () => {
    expect(readImportFile("a.json", '{"id":"a"}')).toEqual({ items: [{ id: "a" }] });
  });

  it.each([
    ["[{", "a.json is not JSON"],
    ["42", "neither a flow config nor an array"],
    ["null", "neither a flow config nor an array"],
    ["[]", "holds no flow configs"],
    [JSON.stringify(Array.from({ length: 1001 }, (_, i) => ({ id: `c${i}` }))), "holds 1001 configs; one import takes at most 1000"],
  ])("refuses %s with a sentence naming the file", (text, message) => {
    const file = readImportFile("a.json", text);
    expect("error" in file && file.error).toContain(message);
  });
});

describe("the plan", () => {
  const plan: ImportItem[] = [
    { index: 0, id: "a", action: "create" },
    { index: 1, id: "b", action: "conflict", currentVersion: 3, error: "Flow config b already exists (version 3)." },
    { index: 2, id: "c", action: "invalid", error: "x", errors: { "variables.closure": ["must be true or false"], description: ["is required", "too short"] } },
    { index: 3, id: "d", action: "create" },
    { index: 4, id: "e", action: "update", currentVersion: 1 },
    { index: 5, id: "queue/f", action: "draftRequired", error: "Flow config queue/f needs 1 approval before a change goes live." },
  ];

  it("is described most useful first, counting each action", () => {
    expect(describePlan(plan)).toBe("2 to create, 1 to overwrite, 1 already exists (left alone), 1 invalid, 1 needing approval (save as a draft in the editor)");
  });

  it("counts what would be written", () => {
    expect(writes(plan)).toBe(3);
  });

  it("gives one reason per field message, else the sentence", () => {
    expect(reasons(plan[2])).toEqual(["variables.closure: must be true or false", "description: is required", "description: too short"]);
    expect(reasons(plan[1])).toEqual(["Flow config b already exists (version 3)."]);
    expect(reasons(plan[0])).toEqual([]);
  });
});
