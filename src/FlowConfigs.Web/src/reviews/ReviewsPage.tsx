import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import Tabs from "@cloudscape-design/components/tabs";
import { ApiError } from "../api/client";
import type { ReviewItem } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { draftPath } from "../configs/paths";
import { DecisionModal, type Decision } from "../drafts/DecisionModal";
import { approvalProgress } from "../drafts/draftActions";
import { draftStateStatus, nameList } from "../drafts/draftState";
import { usePage, useShell } from "../shell/ShellContext";

const noticeId = "reviews";
type View = "waiting" | "mine";

/** Drafts waiting for the caller's approval, and the caller's own open drafts; each opens on its config's Draft tab. */
export function ReviewsPage() {
  usePage("Reviews", [{ text: "Flow configs", href: "/" }, { text: "Reviews", href: "/reviews" }]);
  const { api } = useAuth();
  const { notify, dismiss } = useShell();
  const [search, setSearch] = useSearchParams();
  const view: View = search.get("view") === "mine" ? "mine" : "waiting";
  const [items, setItems] = useState<Record<View, ReviewItem[] | null>>({ waiting: null, mine: null });
  const [errors, setErrors] = useState<Record<View, string | null>>({ waiting: null, mine: null });
  const [selected, setSelected] = useState<ReviewItem[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [commentError, setCommentError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback((which: View) => {
    setItems((current) => ({ ...current, [which]: null }));
    api.reviews(which === "mine").then(
      (found) => { setItems((current) => ({ ...current, [which]: found })); setErrors((current) => ({ ...current, [which]: null })); },
      (e: Error) => setErrors((current) => ({ ...current, [which]: e.message })),
    );
  }, [api]);
  useEffect(() => { load(view); }, [load, view]);
  useEffect(() => () => dismiss(noticeId), [dismiss]);

  const target = selected[0];
  const decide = async (comment: string) => {
    if (!target || !decision) return;
    setBusy(true);
    try {
      if (decision === "approve") await api.approveDraft(target.id, comment);
      else await api.rejectDraft(target.id, comment);
      setDecision(null);
      setCommentError(undefined);
      setSelected([]);
      notify({ id: noticeId, type: "success", content: `${decision === "approve" ? "Approved" : "Rejected"} the draft of ${target.id}.` });
      load("waiting");
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessage("comment")) { setCommentError(e.fieldMessage("comment")); return; }
      setDecision(null);
      // The server is the judge (an author, no longer Full, already decided): its words explain.
      notify({ id: noticeId, type: "error", header: `Could not ${decision} the draft of ${target.id}`, content: (e as Error).message });
      load("waiting");
    } finally {
      setBusy(false);
    }
  };

  const table = (which: View) => (
    <ReviewTable view={which} items={items[which]} error={errors[which]}
      selected={which === "waiting" ? selected : undefined} onSelect={setSelected}
      actions={which === "waiting" ? (
        <SpaceBetween direction="horizontal" size="xs">
          <Button iconName="refresh" ariaLabel="Refresh" onClick={() => load(which)} />
          <Button disabled={!target} disabledReason="Select a draft first." onClick={() => setDecision("reject")}>Reject</Button>
          <Button variant="primary" disabled={!target} disabledReason="Select a draft first." onClick={() => setDecision("approve")}>Approve</Button>
        </SpaceBetween>
      ) : <Button iconName="refresh" ariaLabel="Refresh" onClick={() => load(which)} />} />
  );

  return (
    <ContentLayout header={<Header variant="h1" description="Changes waiting for your approval, and the drafts you are writing.">Reviews</Header>}>
      <SpaceBetween size="l">
        <Tabs activeTabId={view} ariaLabel="Reviews"
          onChange={({ detail }) => { setSelected([]); setSearch(detail.activeTabId === "mine" ? { view: "mine" } : {}, { replace: true }); }}
          tabs={[
            { id: "waiting", label: "Waiting for me", content: table("waiting") },
            { id: "mine", label: "My drafts", content: table("mine") },
          ]} />
      </SpaceBetween>
      <DecisionModal decision={decision} id={target?.id ?? ""} busy={busy} commentError={commentError}
        onCancel={() => { setDecision(null); setCommentError(undefined); }} onConfirm={(comment) => void decide(comment)} />
    </ContentLayout>
  );
}

interface TableArgs {
  view: View;
  items: ReviewItem[] | null;
  error: string | null;
  selected?: ReviewItem[];
  onSelect(items: ReviewItem[]): void;
  actions: ReactNode;
}

function ReviewTable({ view, items, error, selected, onSelect, actions }: TableArgs) {
  const navigate = useNavigate();
  const columns: TableProps.ColumnDefinition<ReviewItem>[] = [
    {
      id: "id", header: "Config",
      cell: (r) => <Link href={draftPath(r.id)} onFollow={(e) => { e.preventDefault(); navigate(draftPath(r.id)); }}>{r.id}</Link>,
    },
    { id: "description", header: "Description", cell: (r) => r.description || "-" },
    ...(view === "mine" ? [{
      id: "state", header: "State",
      cell: (r: ReviewItem) => <StatusIndicator type={draftStateStatus[r.state].type}>{draftStateStatus[r.state].label}</StatusIndicator>,
    }] : []),
    { id: "authors", header: "Authors", cell: (r) => nameList(r.authors) },
    { id: "approvals", header: "Approvals", cell: (r) => approvalProgress(r) },
    { id: "submitted", header: "Submitted", cell: (r) => (r.submittedAt ? `${new Date(r.submittedAt).toLocaleString()}${r.submittedBy ? ` by ${r.submittedBy}` : ""}` : "-") },
    { id: "publishAt", header: "Scheduled", cell: (r) => (r.publishAt ? new Date(r.publishAt).toLocaleString() : "-") },
  ];
  const label = view === "waiting" ? "Drafts waiting for your approval" : "Your drafts";
  return (
    <SpaceBetween size="l">
      {error && <Alert type="error" header="The drafts could not be loaded">{error}</Alert>}
      <Table
        variant="container"
        items={items ?? []}
        loading={items === null && !error}
        loadingText="Loading drafts"
        trackBy="id"
        wrapLines
        selectionType={selected ? "single" : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail }) => onSelect(detail.selectedItems)}
        ariaLabels={{ tableLabel: label, selectionGroupLabel: "Drafts", itemSelectionLabel: (_, r) => `Draft of ${r.id}` }}
        header={<Header variant="h2" counter={items ? `(${items.length})` : undefined} actions={actions}
          description={view === "waiting" ? "Submitted drafts of configs you have Full access on and did not write, oldest first." : "Open drafts you wrote part of, in any state."}>
          {label}
        </Header>}
        empty={<Box textAlign="center">{view === "waiting" ? "Nothing waits for your approval." : "You have no open drafts."}</Box>}
        columnDefinitions={columns}
      />
    </SpaceBetween>
  );
}
