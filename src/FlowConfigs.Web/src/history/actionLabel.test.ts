import { describe, expect, it } from "vitest";
import type { RevisionSummary } from "../api/types";
import { describeRevision } from "./actionLabel";

const revision = (overrides: Partial<RevisionSummary>): RevisionSummary => ({ version: 4, at: "2026-12-01T10:00:00+00:00", by: "alice", action: "save", ...overrides });

describe("describeRevision", () => {
  it("names a published draft and its approvers", () => {
    expect(describeRevision(revision({ action: "publish", approvedBy: ["bob", "carol"] }))).toEqual({ label: "Published", approvedBy: "Approved by bob, carol" });
  });

  it("flags an emergency change with its reason", () => {
    expect(describeRevision(revision({ emergency: { reason: "Storm closure" } }))).toEqual({ label: "Saved", emergencyReason: "Storm closure" });
  });

  it("says nothing more of an ordinary save, whether the server sends the new fields as null or not at all", () => {
    expect(describeRevision(revision({ emergency: null, approvedBy: null }))).toEqual({ label: "Saved" });
    expect(describeRevision(revision({ action: "rollback" }))).toEqual({ label: "Rolled back" });
  });

  it("shows an action it does not know as the server names it", () => {
    expect(describeRevision(revision({ action: "restore" as RevisionSummary["action"] })).label).toBe("restore");
  });
});
