import { describe, expect, it } from "vitest";
import type { UsageOverview } from "../api/types";
import { missingTranslationRows, unusedRows } from "./insightRows";

const overview: UsageOverview = {
  configs: [
    { id: "queue/billing", reads: 40, lastReadAt: "2026-10-29T08:00:00Z" },
    { id: "queue/old", reads: 0, lastReadAt: "2026-08-01T08:00:00Z" },
    { id: "queue/older", reads: 0, lastReadAt: "2026-07-01T08:00:00Z" },
    { id: "queue/b-new", reads: 0, lastReadAt: null },
    { id: "queue/a-new", reads: 0, lastReadAt: null },
  ],
  unused: ["queue/old", "queue/older", "queue/b-new", "queue/a-new"],
  missingTranslations: [
    { id: "queue/billing", language: "fr-CA", prompts: ["welcome"], reads: 3 },
    { id: "queue/sales", language: "es-US", prompts: ["hold", "welcome"], reads: 12 },
    { id: "queue/billing", language: "de-DE", prompts: ["welcome"], reads: 3 },
  ],
};

describe("unusedRows", () => {
  it("lists never-read configs first, then the longest unread, with when they were last read", () => {
    expect(unusedRows(overview)).toEqual([
      { id: "queue/a-new", lastReadAt: null },
      { id: "queue/b-new", lastReadAt: null },
      { id: "queue/older", lastReadAt: "2026-07-01T08:00:00Z" },
      { id: "queue/old", lastReadAt: "2026-08-01T08:00:00Z" },
    ]);
  });

  it("counts an unused id the configs do not list as never read", () => {
    expect(unusedRows({ ...overview, unused: ["queue/ghost"] })).toEqual([{ id: "queue/ghost", lastReadAt: null }]);
  });
});

describe("missingTranslationRows", () => {
  it("puts the gaps most callers met first, then by config and language", () => {
    expect(missingTranslationRows(overview).map((r) => `${r.id} ${r.language}`)).toEqual([
      "queue/sales es-US", "queue/billing de-DE", "queue/billing fr-CA",
    ]);
  });
});
