import { useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import Textarea from "@cloudscape-design/components/textarea";
import type { FlowConfig } from "../api/types";
import { approvalCount } from "../drafts/draftActions";
import { diff } from "../history/diff";

/** What confirming does: save live, save the shared draft (nothing goes live), or go live without the approvals needed. */
export type SaveMode = "save" | "draft" | "emergency";

const confirmLabel: Record<SaveMode, string> = { save: "Save", draft: "Save as draft", emergency: "Emergency save" };
export const reasonRequired = "Enter why this change cannot wait for approval; the history and the audit show it.";

interface Props {
  visible: boolean;
  before: FlowConfig;
  after: FlowConfig;
  saving: boolean;
  mode?: SaveMode;
  /** How many approvals the config needs; an emergency save skips them. */
  approvalsRequired?: number;
  /** The gateway's message about the reason, when it refused it. */
  reasonError?: string;
  onCancel(): void;
  /** `reason` is set for an emergency save: the page's own check makes sure it is not blank. */
  onConfirm(reason?: string): void;
}

/** Every field the save changes, as the history will show it, before it is stored; the button says what will happen. */
export function ReviewChangesModal({ visible, before, after, saving, mode = "save", approvalsRequired = 0, reasonError, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState("");
  const [attempted, setAttempted] = useState(false);
  useEffect(() => { if (!visible) { setReason(""); setAttempted(false); } }, [visible]);

  const changes = visible ? diff(before, after) : [];
  const emergency = mode === "emergency";
  const reasonProblem = reasonError ?? (attempted && reason.trim() === "" ? reasonRequired : undefined);
  const confirm = () => {
    if (!emergency) return onConfirm();
    setAttempted(true);
    if (reason.trim() !== "") onConfirm(reason.trim());
  };
  const counted = changes.length === 1 ? "1 field changes" : `${changes.length} fields change`;
  return (
    <Modal visible={visible} size="large" header={emergency ? "Emergency change" : "Review changes"} closeAriaLabel="Close without saving" onDismiss={onCancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onCancel}>Cancel</Button>
            <Button variant="primary" loading={saving} onClick={confirm}>{confirmLabel[mode]}</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="m">
        {emergency && (
          <Alert type="warning" header="This skips approval">
            {after.id} needs {approvalCount(approvalsRequired)} before a change goes live. An emergency save puts it live at once without
            them, and the history and the audit flag it with your reason. Use it only when the change cannot wait.
          </Alert>
        )}
        {emergency && (
          <FormField label="Reason for the emergency change" errorText={reasonProblem} constraintText="Required.">
            <Textarea value={reason} ariaRequired invalid={!!reasonProblem} placeholder="e.g. Storm closure: branch shut by the fire department"
              onChange={({ detail }) => setReason(detail.value)} />
          </FormField>
        )}
        <Box>
          {mode === "draft"
            ? `The draft is shared and does not change what contact flows read until it is published. ${counted}:`
            : `Once saved, contact flows read the new version at once. ${counted}:`}
        </Box>
        <Table
          variant="embedded"
          items={changes}
          wrapLines
          ariaLabels={{ tableLabel: "Changes to save" }}
          columnDefinitions={[
            { id: "field", header: "Field", cell: (c) => c.field },
            { id: "before", header: "Now", cell: (c) => c.before ?? <Box color="text-status-inactive">(none)</Box> },
            { id: "after", header: "After saving", cell: (c) => c.after ?? <Box color="text-status-inactive">(none)</Box> },
          ]}
        />
      </SpaceBetween>
    </Modal>
  );
}
