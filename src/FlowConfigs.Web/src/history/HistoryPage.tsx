import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { AccessLevel, Revision, RevisionSummary } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { editorPath } from "../configs/paths";
import { diff } from "./diff";

const actionLabel = { save: "Saved", delete: "Deleted", rollback: "Rolled back" } as const;

/** Revisions newest first; pick two to compare side by side; roll back to one (Full access). */
export function HistoryPage() {
  const { id = "" } = useParams();
  const { api } = useAuth();
  const navigate = useNavigate();
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [selected, setSelected] = useState<RevisionSummary[]>([]);
  const [compared, setCompared] = useState<[Revision, Revision] | null>(null);
  const [level, setLevel] = useState<AccessLevel>("read");
  const [confirm, setConfirm] = useState<RevisionSummary | null>(null);
  const [message, setMessage] = useState<{ type: "error" | "success"; text: string } | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [history, level] = await Promise.all([api.history(id), api.levelOn(id)]);
      setRevisions(history.items);
      setLevel(level ?? (history.items[0]?.action === "delete" ? "full" : "read"));
    } catch (e) {
      setMessage({ type: "error", text: (e as Error).message });
    } finally {
      setLoading(false);
    }
  }, [api, id]);
  useEffect(() => { void load(); }, [load]);

  useEffect(() => {
    if (selected.length !== 2) { setCompared(null); return; }
    const [newer, older] = [...selected].sort((a, b) => b.version - a.version);
    Promise.all([api.revision(id, older.version), api.revision(id, newer.version)]).then(
      ([a, b]) => setCompared([a, b]),
      (e: Error) => setMessage({ type: "error", text: e.message }),
    );
  }, [api, id, selected]);

  const rollback = async (revision: RevisionSummary) => {
    setConfirm(null);
    try {
      const stored = await api.rollback(id, revision.version);
      setMessage({ type: "success", text: `Rolled back: version ${stored.version} now has the content of version ${revision.version}.` });
      setSelected([]);
      await load();
    } catch (e) {
      setMessage({ type: "error", text: (e as Error).message });
    }
  };

  return (
    <SpaceBetween size="l">
      <Header variant="h1" description="Every save, delete and rollback, newest first. Select two versions to compare them."
        actions={<Button onClick={() => navigate(editorPath(id))}>Back to the config</Button>}>
        History of {id}
      </Header>
      {message && <Alert type={message.type} dismissible onDismiss={() => setMessage(null)}>{message.text}</Alert>}
      <Table
        items={revisions}
        loading={loading}
        loadingText="Loading history"
        trackBy="version"
        selectionType="multi"
        selectedItems={selected}
        isItemDisabled={(item) => selected.length >= 2 && !selected.includes(item)}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems.slice(-2))}
        ariaLabels={{
          tableLabel: "Revisions",
          selectionGroupLabel: "Revisions to compare",
          itemSelectionLabel: (_, item) => `Version ${item.version}`,
          allItemsSelectionLabel: () => "All versions",
        }}
        empty={<Box textAlign="center">No history.</Box>}
        columnDefinitions={[
          { id: "version", header: "Version", cell: (r) => r.version },
          { id: "action", header: "Action", cell: (r) => actionLabel[r.action] },
          { id: "by", header: "By", cell: (r) => r.by },
          { id: "at", header: "When", cell: (r) => new Date(r.at).toLocaleString() },
          {
            id: "rollback", header: "",
            cell: (r) => level === "full" && r.version !== revisions[0]?.version
              ? <Button variant="inline-link" ariaLabel={`Roll back to version ${r.version}`} onClick={() => setConfirm(r)}>Roll back to this version</Button>
              : null,
          },
        ]}
      />
      {compared && (
        <Table
          header={<Header variant="h2">Version {compared[0].version} and version {compared[1].version}</Header>}
          items={diff(compared[0].document, compared[1].document)}
          ariaLabels={{ tableLabel: "Differences" }}
          empty={<Box textAlign="center">The two versions have the same content.</Box>}
          columnDefinitions={[
            { id: "field", header: "Field", cell: (c) => c.field },
            { id: "before", header: `Version ${compared[0].version}`, cell: (c) => c.before ?? <Box color="text-status-inactive">(none)</Box> },
            { id: "after", header: `Version ${compared[1].version}`, cell: (c) => c.after ?? <Box color="text-status-inactive">(none)</Box> },
          ]}
        />
      )}
      <Modal visible={confirm !== null} onDismiss={() => setConfirm(null)} header="Roll back?"
        footer={<SpaceBetween direction="horizontal" size="xs">
          <Button onClick={() => setConfirm(null)}>Cancel</Button>
          <Button variant="primary" onClick={() => void rollback(confirm!)}>Roll back</Button>
        </SpaceBetween>}>
        The content of version {confirm?.version} becomes a new version of {id}, live for contact flows at once.
      </Modal>
    </SpaceBetween>
  );
}
