import { describe, expect, it } from "vitest";
import { editorTabOf, editorTabs } from "./editorTabs";

describe("editor tabs", () => {
  it("opens the tab the URL names", () => {
    expect(editorTabOf("prompts", false)).toBe("prompts");
  });

  it("falls back to Details for an unknown or missing tab", () => {
    expect(editorTabOf("calendar", false)).toBe("details");
    expect(editorTabOf(null, false)).toBe("details");
  });

  it("has a Schedule tab, also while creating", () => {
    expect(editorTabOf("schedule", false)).toBe("schedule");
    expect(editorTabOf("schedule", true)).toBe("schedule");
  });

  it("has no History tab while the config does not exist yet", () => {
    expect(editorTabs(true)).not.toContain("history");
    expect(editorTabOf("history", true)).toBe("details");
  });
});
