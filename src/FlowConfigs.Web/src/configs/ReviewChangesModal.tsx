import { useEffect } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { FlowConfig } from "../api/types";
import { EmergencyFields, useEmergencyReason } from "../drafts/EmergencyFields";
import { diff } from "../history/diff";

/** What confirming does: save live, save the shared draft (nothing goes live), or go live without the approvals needed. */
export type SaveMode = "save" | "draft" | "emergency";

const confirmLabel: Record<SaveMode, string> = { save: "Save", draft: "Save as draft", emergency: "Emergency save" };

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
  const emergencyReason = useEmergencyReason();
  const { reset } = emergencyReason;
  useEffect(() => { if (!visible) reset(); }, [visible, reset]);

  const changes = visible ? diff(before, after) : [];
  const emergency = mode === "emergency";
  const confirm = () => {
    if (!emergency) return onConfirm();
    const reason = emergencyReason.take();
    if (reason !== undefined) onConfirm(reason);
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
          <EmergencyFields id={after.id} approvalsRequired={approvalsRequired} doing="saving it" reason={emergencyReason.reason}
            error={reasonError ?? emergencyReason.error} onChange={emergencyReason.setReason} />
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
