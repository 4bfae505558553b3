import type { AccessLevel, Draft } from "../api/types";

/** What the Draft tab offers the caller; the server decides again on every request, this only keeps dead ends away. */
export interface DraftActions {
  /** Load the draft into the editor, and discard it. */
  edit: boolean;
  submit: boolean;
  /** Approve and reject. */
  review: boolean;
  /** Why someone with Full access cannot review this draft, when that is the case. */
  reviewHint?: string;
  publish: boolean;
  /** Why Publish is offered but cannot succeed yet. */
  publishBlocked?: string;
  unschedule: boolean;
}

const canEdit = (level: AccessLevel) => level === "edit" || level === "full";

export function draftActions(draft: Draft, level: AccessLevel, username: string): DraftActions {
  const edit = canEdit(level);
  const author = draft.authors.includes(username);
  const approved = draft.approvals.some((a) => a.by === username);
  const reviewable = draft.state === "submitted" && level === "full";
  const missing = draft.approvalsRequired - draft.approvals.length;
  return {
    edit,
    submit: edit && (draft.state === "draft" || draft.state === "rejected"),
    review: reviewable && !author && !approved,
    ...(reviewable && author ? { reviewHint: "You wrote part of this draft, so others approve it." } : {}),
    ...(reviewable && approved && !author ? { reviewHint: "You approved this draft." } : {}),
    publish: edit,
    ...(edit && draft.approvalsRequired > 0 && draft.state !== "approved"
      ? { publishBlocked: `It needs ${approvalCount(draft.approvalsRequired)} before it can go live${draft.state === "submitted" && missing > 0 ? `; ${missing} more to go` : ": submit it for review"}.` }
      : {}),
    unschedule: edit && !!draft.publishAt,
  };
}

export function approvalCount(n: number): string {
  return n === 1 ? "1 approval" : `${n} approvals`;
}

/** "1 of 2", or "Not needed" for a config no rule covers. */
export function approvalProgress(draft: { approvals: readonly unknown[]; approvalsRequired: number }): string {
  return draft.approvalsRequired === 0 ? "Not needed" : `${draft.approvals.length} of ${draft.approvalsRequired}`;
}
