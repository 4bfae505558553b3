import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { FlowConfigSummary } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { useShell } from "../shell/ShellContext";

const plural = (n: number) => `${n} flow ${n === 1 ? "config" : "configs"}`;

/**
 * Asks before deleting, naming how many and which; deletes one by one and reports what was deleted and what was not.
 * The caller only offers configs the user has Full access on.
 */
export function DeleteConfigsModal({ configs, onClose, onDeleted }: {
  configs: readonly FlowConfigSummary[];
  onClose: () => void;
  onDeleted: (ids: string[]) => void;
}) {
  const { api } = useAuth();
  const { notify } = useShell();
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    const deleted: string[] = [];
    const failed: string[] = [];
    for (const config of configs) {
      try {
        await api.remove(config.id);
        deleted.push(config.id);
      } catch (e) {
        failed.push(`${config.id}: ${(e as Error).message}`);
      }
    }
    setDeleting(false);
    onDeleted(deleted);
    if (deleted.length > 0)
      notify({ id: "delete", type: "success", header: `Deleted ${plural(deleted.length)}`, content: deleted.join(", ") });
    if (failed.length > 0)
      notify({ id: "delete-failed", type: "error", header: `${plural(failed.length)} not deleted`, content: failed.join("; ") });
    onClose();
  };

  return (
    <Modal visible onDismiss={onClose} header={`Delete ${plural(configs.length)}?`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose} disabled={deleting}>Cancel</Button>
            <Button variant="primary" loading={deleting} onClick={() => void confirm()}>Delete</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="m">
        <Box>Contact flows that read {configs.length === 1 ? "this config" : "these configs"} get &quot;not found&quot; at once:</Box>
        <ul aria-label="Configs to delete" style={{ maxHeight: "12rem", overflowY: "auto", margin: 0, overflowWrap: "anywhere" }}>
          {configs.map((c) => <li key={c.id}>{c.id}</li>)}
        </ul>
        <Alert type="info">Their history is kept: a Full-access user can restore any of them from it.</Alert>
      </SpaceBetween>
    </Modal>
  );
}
