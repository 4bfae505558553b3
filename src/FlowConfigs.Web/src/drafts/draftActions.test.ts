import { describe, expect, it } from "vitest";
import type { Draft } from "../api/types";
import { approvalProgress, draftActions } from "./draftActions";

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  id: "queue/billing", version: 3, base: 7, state: "draft", authors: ["alice"], approvals: [], comments: [], approvalsRequired: 2,
  document: { id: "queue/billing", description: "Billing", variables: {}, prompts: {}, version: 7 },
  createdAt: "2026-12-01T10:00:00+00:00", createdBy: "alice", updatedAt: "2026-12-01T10:00:00+00:00", updatedBy: "alice",
  ...overrides,
});

describe("draftActions", () => {
  it("lets an editor submit a draft or a rejected one, but not one already in review", () => {
    expect(draftActions(draft(), "edit", "alice").submit).toBe(true);
    expect(draftActions(draft({ state: "rejected" }), "edit", "alice").submit).toBe(true);
    expect(draftActions(draft({ state: "submitted" }), "edit", "alice").submit).toBe(false);
    expect(draftActions(draft({ state: "approved" }), "full", "alice").submit).toBe(false);
  });

  it("offers approve and reject only to a Full user who did not write it, while submitted", () => {
    const submitted = draft({ state: "submitted" });
    expect(draftActions(submitted, "full", "bob").review).toBe(true);
    expect(draftActions(submitted, "edit", "bob").review).toBe(false);
    expect(draftActions(submitted, "read", "bob").review).toBe(false);
    expect(draftActions(draft({ state: "draft" }), "full", "bob").review).toBe(false);
    expect(draftActions(draft({ state: "approved" }), "full", "bob").review).toBe(false);
  });

  it("tells an author with Full access why they cannot approve, and someone who already approved", () => {
    const byAuthor = draftActions(draft({ state: "submitted", authors: ["alice", "bob"] }), "full", "bob");
    expect(byAuthor.review).toBe(false);
    expect(byAuthor.reviewHint).toBe("You wrote part of this draft, so others approve it.");
    const approved = draftActions(draft({ state: "submitted", approvals: [{ by: "bob", at: "2026-12-01T11:00:00+00:00" }] }), "full", "bob");
    expect(approved.review).toBe(false);
    expect(approved.reviewHint).toBe("You approved this draft.");
  });

  it("blocks publishing a draft that needs approval until it is approved, saying what is missing", () => {
    expect(draftActions(draft(), "edit", "alice").publishBlocked).toBe("It needs 2 approvals before it can go live: submit it for review.");
    const halfway = draftActions(draft({ state: "submitted", approvals: [{ by: "bob", at: "2026-12-01T11:00:00+00:00" }] }), "edit", "alice");
    expect(halfway.publishBlocked).toBe("It needs 2 approvals before it can go live; 1 more to go.");
    const approved = draftActions(draft({ state: "approved" }), "edit", "alice");
    expect(approved.publish).toBe(true);
    expect(approved.publishBlocked).toBeUndefined();
  });

  it("lets a draft that needs no approval be published at once", () => {
    const open = draftActions(draft({ approvalsRequired: 0 }), "edit", "alice");
    expect(open.publish).toBe(true);
    expect(open.publishBlocked).toBeUndefined();
  });

  it("gives readers nothing to change, and offers cancelling only a scheduled publish", () => {
    expect(draftActions(draft({ publishAt: "2026-12-24T17:00:00+00:00", state: "approved" }), "read", "carol"))
      .toEqual({ edit: false, submit: false, review: false, publish: false, unschedule: false });
    expect(draftActions(draft({ publishAt: "2026-12-24T17:00:00+00:00", state: "approved" }), "edit", "alice").unschedule).toBe(true);
    expect(draftActions(draft({ state: "approved" }), "edit", "alice").unschedule).toBe(false);
  });

  it("counts approvals as n of m", () => {
    expect(approvalProgress(draft({ approvals: [{ by: "bob", at: "x" }] }))).toBe("1 of 2");
    expect(approvalProgress(draft({ approvalsRequired: 0 }))).toBe("Not needed");
  });
});
