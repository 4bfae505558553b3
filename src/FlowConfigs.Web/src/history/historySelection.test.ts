import { describe, expect, it } from "vitest";
import type { RevisionSummary } from "../api/types";
import { historySelection } from "./historySelection";

const revision = (version: number): RevisionSummary => ({ version, at: "2026-11-27T10:00:00Z", by: "alice", action: "save" });

describe("historySelection", () => {
  it("compares two selected versions, older first, whatever order they were picked in", () => {
    expect(historySelection([revision(5), revision(2)], 7).compare).toEqual([2, 5]);
  });

  it("offers a rollback to one earlier version", () => {
    const selection = historySelection([revision(3)], 7);
    expect(selection.rollbackTo).toBe(3);
    expect(selection.compare).toBeUndefined();
  });

  it("offers no rollback to the current version", () => {
    expect(historySelection([revision(7)], 7).rollbackTo).toBeUndefined();
  });

  it("keeps every selected version when all are selected, and neither compares nor rolls back", () => {
    const all = [1, 2, 3, 4, 5, 6, 7].map(revision);
    const selection = historySelection(all, 7);
    expect(selection.compare).toBeUndefined();
    expect(selection.rollbackTo).toBeUndefined();
    expect(selection.hint).toContain("7 versions selected");
  });
});
