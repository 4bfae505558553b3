import { useCallback, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import FormField from "@cloudscape-design/components/form-field";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import { approvalCount } from "./draftActions";

export const reasonRequired = "Enter why this change cannot wait for approval; the history and the audit show it.";

interface Props {
  id: string;
  approvalsRequired: number;
  /** "saving it now", "deleting it", "rolling it back": what happens without the approvals. */
  doing: string;
  reason: string;
  /** The page's own "required" message (after a confirm was tried) or the gateway's about the reason. */
  error?: string;
  onChange(reason: string): void;
}

/** The flag and the reason every emergency change carries: it goes live without the approvals its config needs. */
export function EmergencyFields({ id, approvalsRequired, doing, reason, error, onChange }: Props) {
  return (
    <SpaceBetween size="m">
      <Alert type="warning" header="This skips approval">
        {id} needs {approvalCount(approvalsRequired)} before a change goes live. {doing[0].toUpperCase() + doing.slice(1)} now is an emergency
        change: it goes live at once without them, and the history and the audit flag it with your reason. Use it only when the change cannot wait.
      </Alert>
      <FormField label="Reason for the emergency change" errorText={error} constraintText="Required.">
        <Textarea value={reason} ariaRequired invalid={!!error} placeholder="e.g. Storm closure: branch shut by the fire department"
          onChange={({ detail }) => onChange(detail.value)} />
      </FormField>
    </SpaceBetween>
  );
}

/** A reason's state for a confirm button: the trimmed reason once given, else the message to show. */
export function useEmergencyReason() {
  const [reason, setReason] = useState("");
  const [attempted, setAttempted] = useState(false);
  const reset = useCallback(() => { setReason(""); setAttempted(false); }, []);
  return {
    reason,
    setReason,
    error: attempted && reason.trim() === "" ? reasonRequired : undefined,
    /** The trimmed reason, or undefined (and the message shows) when there is none. */
    take: () => { setAttempted(true); return reason.trim() === "" ? undefined : reason.trim(); },
    reset,
  };
}
