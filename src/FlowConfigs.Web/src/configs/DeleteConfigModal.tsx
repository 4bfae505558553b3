import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { EmergencyFields, useEmergencyReason } from "../drafts/EmergencyFields";

interface Props {
  id: string;
  visible: boolean;
  deleting: boolean;
  /** A config that needs approval is deleted only as an emergency, with a reason. */
  approvalsRequired?: number;
  onCancel(): void;
  onConfirm(emergencyReason?: string): void;
}

/** Deleting takes a config away from every contact flow that reads it, so the user types its id to confirm. */
export function DeleteConfigModal({ id, visible, deleting, approvalsRequired = 0, onCancel, onConfirm }: Props) {
  const [typed, setTyped] = useState("");
  const emergencyReason = useEmergencyReason();
  const emergency = approvalsRequired > 0;
  const confirmed = typed === id;
  const cancel = () => { setTyped(""); emergencyReason.reset(); onCancel(); };
  const confirm = () => {
    if (!emergency) return onConfirm();
    const reason = emergencyReason.take();
    if (reason !== undefined) onConfirm(reason);
  };
  return (
    <Modal visible={visible} header={`Delete ${id}?`} closeAriaLabel="Close without deleting" onDismiss={cancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={cancel}>Cancel</Button>
            <Button variant="primary" loading={deleting} disabled={!confirmed} onClick={confirm}>{emergency ? "Emergency delete" : "Delete"}</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="m">
        <Box>
          Delete <Box variant="strong">{id}</Box> permanently? Contact flows that read it get no values from then on and
          take their error branch.
        </Box>
        <Alert type="warning">Its history stays: a user with Full access can restore it from the History page.</Alert>
        {emergency && (
          <EmergencyFields id={id} approvalsRequired={approvalsRequired} doing="deleting it" reason={emergencyReason.reason}
            error={emergencyReason.error} onChange={emergencyReason.setReason} />
        )}
        <FormField label="To confirm, type the config's id" description={id}>
          <Input value={typed} onChange={({ detail }) => setTyped(detail.value)} placeholder={id} ariaRequired />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
