import { describe, expect, it } from "vitest";
import type { FlowConfigSummary } from "../api/types";
import { compareLastRead, compareReads, withUsage } from "./listUsage";

const config = (id: string): FlowConfigSummary => ({ id, description: "", accessLevel: "read", version: 1 });
const list = [config("a"), config("b"), config("c"), config("d")];
const overview = {
  configs: [
    { id: "a", reads: 12, lastReadAt: "2026-10-29T10:00:00Z" },
    { id: "b", reads: 0 },
    { id: "c", reads: 3, lastReadAt: "2026-10-20T10:00:00Z" },
  ],
  unused: ["b"],
  missingTranslations: [],
};

describe("withUsage", () => {
  it("joins reads by id, a last read left out as never, and leaves a config the overview does not name unknown", () => {
    const rows = withUsage(list, overview);
    expect(rows.map((r) => [r.id, r.reads, r.lastReadAt])).toEqual([
      ["a", 12, "2026-10-29T10:00:00Z"], ["b", 0, null], ["c", 3, "2026-10-20T10:00:00Z"], ["d", undefined, undefined],
    ]);
  });

  it("leaves every config unknown when usage could not be loaded", () => {
    expect(withUsage(list, null)).toEqual(list);
  });
});

describe("sorting by usage", () => {
  const rows = withUsage(list, overview);

  it("puts unknown, then unread configs first by reads, ascending", () => {
    expect([...rows].sort(compareReads).map((r) => r.id)).toEqual(["d", "b", "c", "a"]);
  });

  it("puts unknown, then never read, then the longest unread first by last read, ascending", () => {
    expect([...rows].sort(compareLastRead).map((r) => r.id)).toEqual(["d", "b", "c", "a"]);
  });
});
