import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { FlowConfig } from "../api/types";
import { diff } from "../history/diff";

interface Props {
  visible: boolean;
  before: FlowConfig;
  after: FlowConfig;
  saving: boolean;
  onCancel(): void;
  onConfirm(): void;
}

/** Every field the save changes, as the history will show it, before it goes live. */
export function ReviewChangesModal({ visible, before, after, saving, onCancel, onConfirm }: Props) {
  const changes = visible ? diff(before, after) : [];
  return (
    <Modal visible={visible} size="large" header="Review changes" closeAriaLabel="Close without saving" onDismiss={onCancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onCancel}>Cancel</Button>
            <Button variant="primary" loading={saving} onClick={onConfirm}>Save</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="m">
        <Box>Once saved, contact flows read the new version at once. {changes.length === 1 ? "1 field changes" : `${changes.length} fields change`}:</Box>
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
