import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import type { AccessLevel } from "../api/types";
import { approvalCount } from "./draftActions";
import { draftStateStatus, nameList } from "./draftState";
import type { StoredDraft } from "./DraftTab";

interface Props {
  id: string;
  create: boolean;
  level: AccessLevel;
  stored: StoredDraft | null;
  editing: boolean;
  /** The live version, or undefined when the config exists only as a draft. */
  liveVersion?: number;
  approvalsRequired: number;
  onDraftTab: boolean;
  onOpenDraft(): void;
}

/** Above the editor: that a draft waits, that the editor holds it and what saving does to it, or that changes need approval. */
export function DraftAlerts({ id, create, level, stored, editing, liveVersion, approvalsRequired, onDraftTab, onOpenDraft }: Props) {
  if (stored && !editing) {
    const { draft } = stored;
    return (
      <Alert type="info" header={`A draft by ${nameList(draft.authors)} is waiting (state: ${draftStateStatus[draft.state].label})`}
        action={!onDraftTab && <Button onClick={onOpenDraft}>Open draft</Button>}>
        Contact flows read the live version until the draft is published.
      </Alert>
    );
  }
  if (stored && editing) {
    const { draft } = stored;
    const resets = draft.state === "draft" ? "" : `, sends it back to draft and clears its approvals${draft.publishAt ? " and its schedule" : ""}`;
    return (
      <Alert type="info" header={liveVersion === undefined ? "Not live yet: editing the draft" : "Editing the draft"}>
        Saving updates the shared draft{resets}.
        {liveVersion === undefined ? " The config goes live when the draft is published." : ` Contact flows keep reading version ${liveVersion} until it is published.`}
      </Alert>
    );
  }
  if (approvalsRequired > 0 && (level === "edit" || level === "full")) {
    return (
      <Alert type="info" header="Changes need approval">
        {create ? "Configs with this id need" : `${id} needs`} {approvalCount(approvalsRequired)} before a change goes live: save your change as a draft,
        then submit it for review.{level === "full" && !create ? " When a change cannot wait, Emergency change puts it live at once; the history and the audit flag it." : ""}
      </Alert>
    );
  }
  return null;
}
