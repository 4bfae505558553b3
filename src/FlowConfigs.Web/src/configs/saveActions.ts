import type { AccessLevel } from "../api/types";
import type { SaveMode } from "./ReviewChangesModal";

export interface SaveAction {
  mode: SaveMode;
  label: string;
  primary: boolean;
  disabled: boolean;
  disabledReason?: string;
}

interface EditorState {
  level: AccessLevel;
  create: boolean;
  /** The editor holds the draft's document. */
  editingDraft: boolean;
  /** How many approvals a change to this id needs (0: none). */
  approvalsRequired: number;
  /** The config has a shared draft already. */
  draftExists: boolean;
  dirty: boolean;
}

export const draftExistsReason = "This config has a draft already: edit it from the Draft tab.";

/**
 * The editor's ways to store a change, primary last. A config that needs approval is saved only as a draft, or by a Full
 * user as a flagged emergency; a config has one shared draft, so a second is not started beside it.
 */
export function saveActions({ level, create, editingDraft, approvalsRequired, draftExists, dirty }: EditorState): SaveAction[] {
  if (level !== "edit" && level !== "full") return [];
  const nothingToSave = !dirty && !create;
  if (editingDraft) return [{ mode: "draft", label: "Save draft", primary: true, disabled: nothingToSave }];
  const asDraft = (primary: boolean): SaveAction => ({
    mode: "draft", label: "Save as draft", primary, disabled: nothingToSave || draftExists,
    ...(draftExists ? { disabledReason: draftExistsReason } : {}),
  });
  if (approvalsRequired > 0)
    return [
      ...(level === "full" && !create ? [{ mode: "emergency" as const, label: "Emergency change", primary: false, disabled: nothingToSave }] : []),
      asDraft(true),
    ];
  return [asDraft(false), { mode: "save", label: "Save", primary: true, disabled: nothingToSave }];
}
