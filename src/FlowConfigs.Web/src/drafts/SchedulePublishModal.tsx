import { useEffect, useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { LocalDateTimeField } from "../schedules/LocalDateTimeField";
import { fieldProblems, fieldsInZone, type LocalFieldProblems, type LocalFields } from "../schedules/localTime";
import { instantInZone } from "./publishTime";

interface Props {
  visible: boolean;
  id: string;
  /** The config's zone: people think of "publish at 17:00" on the config's clock. */
  zone: string;
  busy: boolean;
  onCancel(): void;
  onConfirm(at: string): void;
}

export const futureOnly = "Choose a time in the future; to publish now, use Publish now.";

/** When the draft goes live by itself: a date and time on the config's clock. */
export function SchedulePublishModal({ visible, id, zone, busy, onCancel, onConfirm }: Props) {
  const [fields, setFields] = useState<LocalFields>({ date: "", time: "" });
  const [problems, setProblems] = useState<LocalFieldProblems>({});
  useEffect(() => {
    if (!visible) return;
    // Tomorrow at this hour is a likely start, and an obviously editable one.
    const start = fieldsInZone(new Date(Date.now() + 24 * 3600_000), zone);
    setFields({ date: start.date, time: `${start.time.slice(0, 2)}:00` });
    setProblems({});
  }, [visible, zone]);
  const confirm = () => {
    const found = fieldProblems(fields);
    const at = instantInZone(fields, zone);
    if (!found.date && !found.time && at && new Date(at).getTime() <= Date.now()) found.date = futureOnly;
    setProblems(found);
    if (at && !found.date && !found.time) onConfirm(at);
  };
  return (
    <Modal visible={visible} header={`Schedule publishing ${id}`} closeAriaLabel="Close without scheduling" onDismiss={onCancel}
      footer={<Box float="right"><SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={onCancel}>Cancel</Button>
        <Button variant="primary" loading={busy} onClick={confirm}>Schedule</Button>
      </SpaceBetween></Box>}>
      <SpaceBetween size="m">
        <Box>The draft goes live by itself at this time, if it is still approved then. Editing it cancels the schedule.</Box>
        <LocalDateTimeField label="Publish at" zone={zone} value={fields} problems={problems} onChange={setFields} />
      </SpaceBetween>
    </Modal>
  );
}
