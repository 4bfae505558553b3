import { describe, expect, it } from "vitest";
import { defaultListPreferences, parseListPreferences } from "./listPreferences";

describe("parseListPreferences", () => {
  it("falls back to the defaults for nothing or garbage", () => {
    expect(parseListPreferences(null)).toEqual(defaultListPreferences);
    expect(parseListPreferences("{not json")).toEqual(defaultListPreferences);
    expect(parseListPreferences("42")).toEqual(defaultListPreferences);
  });

  it("keeps the user's order and visibility, drops unknown columns and appends new ones", () => {
    const stored = JSON.stringify({
      pageSize: 50,
      wrapLines: false,
      contentDisplay: [{ id: "updatedAt", visible: true }, { id: "gone", visible: true }, { id: "id", visible: true }, { id: "description", visible: false }],
    });
    const parsed = parseListPreferences(stored);
    expect(parsed.pageSize).toBe(50);
    expect(parsed.wrapLines).toBe(false);
    expect(parsed.contentDisplay.map((c) => `${c.id}:${c.visible}`)).toEqual([
      "updatedAt:true", "id:true", "description:false", "accessLevel:true", "version:false", "updatedBy:false", "lastReadAt:true", "reads:true",
    ]);
  });

  it("shows the usage columns to a user whose stored columns predate them", () => {
    const stored = JSON.stringify({ contentDisplay: [{ id: "id", visible: true }, { id: "version", visible: true }] });
    expect(parseListPreferences(stored).contentDisplay.filter((c) => c.id === "lastReadAt" || c.id === "reads"))
      .toEqual([{ id: "lastReadAt", visible: true }, { id: "reads", visible: true }]);
  });

  it("refuses a page size the preferences do not offer", () => {
    expect(parseListPreferences(JSON.stringify({ pageSize: 100000 })).pageSize).toBe(25);
  });
});
