import type { RevisionSummary } from "../api/types";

export interface HistorySelection {
  /** Older and newer version to compare, when exactly two are selected. */
  compare?: [number, number];
  /** The version a rollback would restore, when exactly one earlier version is selected. */
  rollbackTo?: number;
  /** What the selection allows, in a sentence for the table's header. */
  hint: string;
}

/** What the versions selected in the history table allow: two compare, one earlier version can be rolled back to. */
export function historySelection(selected: readonly RevisionSummary[], latest: number | undefined): HistorySelection {
  const versions = selected.map((r) => r.version).sort((a, b) => a - b);
  if (versions.length === 2) return { compare: [versions[0], versions[1]], hint: `Comparing version ${versions[0]} with version ${versions[1]}.` };
  if (versions.length === 1) {
    const [only] = versions;
    return only === latest
      ? { hint: "This is the current version. Select an earlier one to roll back to it, or a second one to compare." }
      : { rollbackTo: only, hint: `Roll back to version ${only}, or select a second version to compare.` };
  }
  if (versions.length > 2) return { hint: `${versions.length} versions selected: select exactly two to compare them.` };
  return { hint: "Select two versions to compare them, or one to roll back to it." };
}
