import type { StatusIndicatorProps } from "@cloudscape-design/components/status-indicator";
import type { DraftComment, DraftState } from "../api/types";

export const draftStateStatus: Record<DraftState, { type: StatusIndicatorProps.Type; label: string }> = {
  draft: { type: "info", label: "Draft" },
  submitted: { type: "pending", label: "In review" },
  approved: { type: "success", label: "Approved" },
  rejected: { type: "error", label: "Rejected" },
};

export const commentActionLabel: Record<DraftComment["action"], string> = {
  comment: "commented",
  submit: "submitted for review",
  approve: "approved",
  reject: "rejected",
  publish: "scheduled publishing",
  outOfDate: "marked out of date",
};

/** "alice", "alice and bob", "alice, bob and carol". */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "nobody";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
