import type { RevisionSummary } from "../api/types";

export const actionLabel: Record<string, string> = { save: "Saved", delete: "Deleted", rollback: "Rolled back", publish: "Published" };

/** How a revision came about, in words: its action, who approved a published draft, and why an emergency skipped approval. */
export function describeRevision(revision: RevisionSummary): { label: string; approvedBy?: string; emergencyReason?: string } {
  const label = actionLabel[revision.action] ?? revision.action;
  const approvers = revision.approvedBy ?? [];
  return {
    label,
    ...(approvers.length > 0 ? { approvedBy: `Approved by ${approvers.join(", ")}` } : {}),
    ...(revision.emergency ? { emergencyReason: revision.emergency.reason } : {}),
  };
}
