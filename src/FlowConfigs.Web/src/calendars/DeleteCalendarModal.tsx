import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";

interface Props {
  id: string;
  usedBy: string[] | null;
  deleting: boolean;
  onCancel(): void;
  onConfirm(): void;
}

/** Deleting a calendar stops the schedule entries of every config using it, so the user types its id to confirm. */
export function DeleteCalendarModal({ id, usedBy, deleting, onCancel, onConfirm }: Props) {
  const [typed, setTyped] = useState("");
  const cancel = () => { setTyped(""); onCancel(); };
  return (
    <Modal visible header={`Delete ${id}?`} closeAriaLabel="Close without deleting" onDismiss={cancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={cancel}>Cancel</Button>
            <Button variant="primary" loading={deleting} disabled={typed !== id} onClick={onConfirm}>Delete</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="m">
        <Box>Delete the calendar <Box variant="strong">{id}</Box> permanently?</Box>
        {usedBy && usedBy.length > 0 && (
          <Alert type="warning" header={`${usedBy.length} ${usedBy.length === 1 ? "config uses" : "configs use"} it`}>
            Their schedule entries that follow this calendar stop applying: {usedBy.slice(0, 10).join(", ")}{usedBy.length > 10 ? `, and ${usedBy.length - 10} more` : ""}.
          </Alert>
        )}
        <FormField label="To confirm, type the calendar's id" description={id}>
          <Input value={typed} onChange={({ detail }) => setTyped(detail.value)} placeholder={id} ariaRequired />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
