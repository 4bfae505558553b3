import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { AccessLevel, ApprovalRule, Revision, RevisionSummary } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { editorPath, historyPath } from "../configs/paths";
import { approvalsRequired } from "../drafts/approvalRules";
import { EmergencyFields, useEmergencyReason } from "../drafts/EmergencyFields";
import { usePage, useShell } from "../shell/ShellContext";
import { diff } from "./diff";
import { historySelection } from "./historySelection";
import { RevisionAction } from "./RevisionAction";

const noticeId = "config-history";

/**
 * Revisions newest first. As in the AWS consoles, the table's selection drives the actions in its header: two
 * selected versions are compared field by field, one earlier version can be rolled back to (Full access).
 */
export function HistoryPage() {
  const { id = "" } = useParams();
  const { api } = useAuth();
  const { notify } = useShell();
  const navigate = useNavigate();
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [selected, setSelected] = useState<RevisionSummary[]>([]);
  const [compared, setCompared] = useState<[Revision, Revision] | null>(null);
  const [level, setLevel] = useState<AccessLevel>("read");
  const [confirm, setConfirm] = useState<{ target: Revision; current: Revision } | null>(null);
  const [rollingBack, setRollingBack] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // A config that needs approval is rolled back directly only as an emergency, with a reason.
  const [rules, setRules] = useState<ApprovalRule[]>([]);
  const emergencyReason = useEmergencyReason();

  usePage(`History of ${id}`, [
    { text: "Flow configs", href: "/" },
    { text: id, href: editorPath(id) },
    { text: "History", href: historyPath(id) },
  ]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [history, found] = await Promise.all([api.history(id), api.levelOn(id)]);
      setRevisions(history.items);
      // A deleted config is listed to nobody; only Full users see its history (and may restore it).
      setLevel(found ?? (history.items[0]?.action === "delete" ? "full" : "read"));
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api, id]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { api.settings().then((s) => setRules(s.approvals ?? []), () => setRules([])); }, [api]);
  const required = approvalsRequired(rules, id);

  const selection = historySelection(selected, revisions[0]?.version);
  const compareKey = selection.compare?.join(" ");

  useEffect(() => {
    if (!compareKey) { setCompared(null); return; }
    const [older, newer] = compareKey.split(" ").map(Number);
    let current = true;
    Promise.all([api.revision(id, older), api.revision(id, newer)]).then(
      ([a, b]) => { if (current) setCompared([a, b]); },
      (e: Error) => notify({ id: noticeId, type: "error", header: "The versions could not be compared", content: e.message }),
    );
    return () => { current = false; };
    // The pair of versions, not the selection array, decides whether to fetch again.
  }, [api, id, notify, compareKey]);

  const askRollback = async (version: number) => {
    try {
      const [target, current] = await Promise.all([api.revision(id, version), api.revision(id, revisions[0].version)]);
      setConfirm({ target, current });
    } catch (e) {
      notify({ id: noticeId, type: "error", header: "The version could not be read", content: (e as Error).message });
    }
  };

  const rollback = async (version: number) => {
    const reason = required > 0 ? emergencyReason.take() : undefined;
    if (required > 0 && reason === undefined) return;
    setRollingBack(true);
    try {
      const stored = await api.rollback(id, version, reason);
      emergencyReason.reset();
      setConfirm(null);
      notify({ id: noticeId, type: "success", header: "Rolled back", content: `Version ${stored.version} now has the content of version ${version}.` });
      setSelected([]);
      await load();
    } catch (e) {
      setConfirm(null);
      notify({ id: noticeId, type: "error", header: "Not rolled back", content: (e as Error).message });
    } finally {
      setRollingBack(false);
    }
  };

  return (
    <ContentLayout header={
      <Header variant="h1" description="Every save, publish, delete and rollback, newest first."
        actions={<Button onClick={() => navigate(editorPath(id))}>Back to the config</Button>}>
        History of {id}
      </Header>}>
      <SpaceBetween size="l">
        {loadError && <Alert type="error" header="The history could not be loaded">{loadError}</Alert>}
        <Table
          variant="container"
          items={revisions}
          loading={loading}
          loadingText="Loading history"
          trackBy="version"
          selectionType="multi"
          selectedItems={selected}
          onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
          wrapLines
          header={
            <Header variant="h2" counter={`(${revisions.length})`} description={selection.hint}
              actions={level === "full" && (
                <Button disabled={selection.rollbackTo === undefined} disabledReason="Select one earlier version to roll back to it."
                  ariaLabel={selection.rollbackTo === undefined ? undefined : `Roll back to version ${selection.rollbackTo}`}
                  onClick={() => selection.rollbackTo !== undefined && void askRollback(selection.rollbackTo)}>
                  Roll back
                </Button>
              )}>
              Versions
            </Header>
          }
          ariaLabels={{
            tableLabel: "Revisions",
            selectionGroupLabel: "Revisions to compare",
            itemSelectionLabel: (_, item) => `Version ${item.version}`,
            allItemsSelectionLabel: () => "All versions",
          }}
          empty={<Box textAlign="center">No history.</Box>}
          columnDefinitions={[
            { id: "version", header: "Version", cell: (r) => r.version },
            { id: "action", header: "Action", cell: (r) => <RevisionAction revision={r} /> },
            { id: "by", header: "By", cell: (r) => r.by },
            { id: "at", header: "When", cell: (r) => new Date(r.at).toLocaleString() },
          ]}
        />
        {compared && (
          <Table
            variant="container"
            wrapLines
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
      </SpaceBetween>
      <Modal visible={confirm !== null} size="large" onDismiss={() => { setConfirm(null); emergencyReason.reset(); }} closeAriaLabel="Close without rolling back"
        header={`Roll back to version ${confirm?.target.version ?? ""}?`}
        footer={<Box float="right"><SpaceBetween direction="horizontal" size="xs">
          <Button variant="link" onClick={() => { setConfirm(null); emergencyReason.reset(); }}>Cancel</Button>
          <Button variant="primary" loading={rollingBack} onClick={() => confirm && void rollback(confirm.target.version)}>{required > 0 ? "Emergency rollback" : "Roll back"}</Button>
        </SpaceBetween></Box>}>
        {confirm && (
          <SpaceBetween size="m">
            {required > 0 && (
              <EmergencyFields id={id} approvalsRequired={required} doing="rolling it back" reason={emergencyReason.reason}
                error={emergencyReason.error} onChange={emergencyReason.setReason} />
            )}
            <Box>
              The content of version {confirm.target.version} becomes a new version of {id}, live for contact flows at once. Compared with
              version {confirm.current.version}, these fields change:
            </Box>
            <Table
              variant="embedded"
              wrapLines
              items={diff(confirm.current.document, confirm.target.document)}
              ariaLabels={{ tableLabel: "Changes of the rollback" }}
              empty={<Box textAlign="center">None: the content is the same.</Box>}
              columnDefinitions={[
                { id: "field", header: "Field", cell: (c) => c.field },
                { id: "now", header: `Now (version ${confirm.current.version})`, cell: (c) => c.before ?? <Box color="text-status-inactive">(none)</Box> },
                { id: "after", header: "After rolling back", cell: (c) => c.after ?? <Box color="text-status-inactive">(none)</Box> },
              ]}
            />
          </SpaceBetween>
        )}
      </Modal>
    </ContentLayout>
  );
}
