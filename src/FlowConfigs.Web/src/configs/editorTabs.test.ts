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

describe("the Draft tab", () => {
  it("is there for an existing config, so a link from the reviews can open it", () => {
    expect(editorTabOf("draft", false)).toBe("draft");
  });

  it("is not there while creating, and a config that exists only as a draft has no History", () => {
    expect(editorTabOf("draft", true)).toBe("details");
    expect(editorTabs(false, false)).toEqual(["details", "variables", "prompts", "schedule", "draft"]);
    expect(editorTabOf("history", false, false)).toBe("details");
  });
});

describe("the Usage tab", () => {
  it("is there for a live config, so the insights can link to it", () => {
    expect(editorTabOf("usage", false)).toBe("usage");
  });

  it("is not there while creating, nor for a config that exists only as a draft (flows cannot read it)", () => {
    expect(editorTabOf("usage", true)).toBe("details");
    expect(editorTabOf("usage", false, false)).toBe("details");
  });
});
