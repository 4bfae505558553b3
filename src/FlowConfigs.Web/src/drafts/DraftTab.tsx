import { useCallback, useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { ApiError } from "../api/client";
import type { AccessLevel, Draft, DraftChange, DraftDiff, FlowConfig } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { useShell } from "../shell/ShellContext";
import { DecisionModal, type Decision } from "./DecisionModal";
import { DraftChangesTable } from "./DraftChangesTable";
import { DraftComments } from "./DraftComments";
import { approvalProgress, draftActions } from "./draftActions";
import { draftStateStatus, nameList } from "./draftState";
import { publishTimeText } from "./publishTime";
import { SchedulePublishModal } from "./SchedulePublishModal";

export interface StoredDraft {
  draft: Draft;
  etag: string;
}

interface Props {
  id: string;
  stored: StoredDraft | null;
  level: AccessLevel;
  /** The config's zone: a scheduled publish is shown and chosen on its clock. */
  zone: string;
  /** The editor holds the draft's document (Edit draft was chosen). */
  editing: boolean;
  /** Why Edit draft cannot load the draft now (unsaved changes in the editor), if so. */
  editBlocked?: string;
  /** The editor holds changes to the draft not saved yet: submitting or publishing would leave them out. */
  unsaved?: boolean;
  onChange(next: StoredDraft | null): void;
  onEdit(): void;
  onPublished(config: FlowConfig): void;
}

const noticeId = "config-draft";
const problemId = "config-draft-problem";

/** The config's shared draft: where it stands, what it changes against live, its conversation, and the way to live. */
export function DraftTab({ id, stored, level, zone, editing, editBlocked, unsaved = false, onChange, onEdit, onPublished }: Props) {
  const { api, me } = useAuth();
  const { notify, dismiss } = useShell();
  const [diff, setDiff] = useState<DraftDiff | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const [liveChanges, setLiveChanges] = useState<{ liveVersion: number; changes: DraftChange[] } | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [commentError, setCommentError] = useState<string | undefined>();
  const [scheduling, setScheduling] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const draft = stored?.draft ?? null;

  useEffect(() => () => dismiss(problemId), [dismiss]);
  useEffect(() => {
    if (!draft) return;
    let current = true;
    setDiff(null);
    api.draftDiff(id).then((d) => { if (current) { setDiff(d); setDiffError(null); } }, (e: Error) => { if (current) setDiffError(e.message); });
    return () => { current = false; };
    // The draft's version, not the object, says whether its content or base moved.
  }, [api, id, draft?.version]);

  /** Runs one draft request; a refusal is shown in the server's words and the draft is read again, as it may have moved. */
  const run = useCallback(async <T,>(name: string, request: () => Promise<T>, done: (result: T) => void): Promise<boolean> => {
    setBusy(name);
    dismiss(problemId);
    try {
      done(await request());
      return true;
    } catch (e) {
      const problem = e instanceof ApiError ? e : null;
      if (problem?.fieldMessage("comment")) { setCommentError(problem.fieldMessage("comment")); return false; }
      if (problem?.is("draft-out-of-date"))
        setLiveChanges({ liveVersion: Number(problem.problem.liveVersion ?? 0), changes: (problem.problem.changes as DraftChange[] | undefined) ?? [] });
      notify({ id: problemId, type: "error", header: `Could not ${name}`, content: (e as Error).message });
      setDecision(null);
      setScheduling(false);
      setDiscarding(false);
      api.draft(id).then(onChange, () => {});
      return false;
    } finally {
      setBusy(null);
    }
  }, [api, dismiss, id, notify, onChange]);

  if (!draft || !stored) {
    return (
      <Container header={<Header variant="h2">Draft</Header>}>
        <Box>
          No draft. Use Save as draft to propose a change: it is shared with everyone who may edit this config, can be reviewed and
          approved, and changes nothing contact flows read until it is published.
        </Box>
      </Container>
    );
  }

  const actions = draftActions(draft, level, me?.username ?? "");
  const saveFirst = unsaved ? "Save the draft first: your changes in the editor are not in it yet." : undefined;
  const publishBlocked = saveFirst ?? actions.publishBlocked;
  const status = draftStateStatus[draft.state];
  const liveVersion = diff?.liveVersion ?? draft.outOfDate?.liveVersion;
  const adopt = (message: string) => (next: StoredDraft) => {
    onChange(next);
    setDecision(null);
    setCommentError(undefined);
    notify({ id: noticeId, type: "success", content: message });
  };
  const decide = (comment: string) => {
    if (decision === "submit") void run("submit the draft", () => api.submitDraft(id, comment), adopt("Draft submitted for review."));
    if (decision === "approve") void run("approve the draft", () => api.approveDraft(id, comment), adopt("Draft approved."));
    if (decision === "reject") void run("reject the draft", () => api.rejectDraft(id, comment), adopt("Draft rejected."));
  };
  const publish = (at?: string) => void run(at ? "schedule publishing" : "publish the draft", () => api.publishDraft(id, at), (result) => {
    setScheduling(false);
    if ("published" in result) {
      notify({ id: noticeId, type: "success", header: `Published version ${result.published.version}.`, content: `${id} is live for contact flows.` });
      onPublished(result.published);
    } else {
      onChange({ draft: result.scheduled, etag: result.etag });
      notify({ id: noticeId, type: "success", content: `Publishing scheduled for ${publishTimeText(result.scheduled.publishAt ?? at ?? "", zone)} (${zone}).` });
    }
  });

  return (
    <SpaceBetween size="l">
      {draft.outOfDate && (
        <Alert type="warning" header="Out of date">
          {draft.outOfDate.reason} Live is now at version {draft.outOfDate.liveVersion}; this draft started from{" "}
          {draft.base === 0 ? "a config that did not exist" : `version ${draft.base}`}. Publishing it would overwrite that change.
        </Alert>
      )}
      {draft.publishAt && (
        <Alert type="info" header={`Scheduled for ${publishTimeText(draft.publishAt, zone)} (${zone})`}
          action={actions.unschedule && <Button loading={busy === "cancel the schedule"}
            onClick={() => void run("cancel the schedule", () => api.unschedulePublish(id), adopt("Scheduled publishing cancelled."))}>Cancel schedule</Button>}>
          The draft goes live by itself then, if it is still approved.
        </Alert>
      )}
      {actions.reviewHint && <Alert type="info">{actions.reviewHint}</Alert>}
      <Container header={
        <Header variant="h2" description={editing ? "The editor holds this draft: saving there updates it." : "A proposed change; contact flows keep reading the live version until it is published."}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {actions.edit && !editing && <Button disabled={!!editBlocked} disabledReason={editBlocked} onClick={onEdit}>Edit draft</Button>}
              {actions.edit && <Button onClick={() => setDiscarding(true)}>Discard draft</Button>}
              {actions.submit && <Button disabled={unsaved} disabledReason={saveFirst} onClick={() => setDecision("submit")}>Submit for review</Button>}
              {actions.review && <Button onClick={() => setDecision("reject")}>Reject</Button>}
              {actions.review && <Button onClick={() => setDecision("approve")}>Approve</Button>}
              {actions.publish && <Button disabled={!!publishBlocked} disabledReason={publishBlocked} onClick={() => setScheduling(true)}>Publish at…</Button>}
              {actions.publish && <Button variant="primary" disabled={!!publishBlocked} disabledReason={publishBlocked}
                loading={busy === "publish the draft"} onClick={() => publish()}>Publish now</Button>}
            </SpaceBetween>
          }>
          Draft
        </Header>
      }>
        <KeyValuePairs columns={3} items={[
          { label: "State", value: <StatusIndicator type={status.type}>{status.label}</StatusIndicator> },
          { label: "Approvals", value: `${approvalProgress(draft)}${draft.approvals.length > 0 ? ` (${nameList(draft.approvals.map((a) => a.by))})` : ""}` },
          { label: "Authors", value: nameList(draft.authors) },
          { label: "Started from", value: draft.base === 0 ? "A new config" : `Version ${draft.base}` },
          { label: "Live version", value: liveVersion === undefined ? "-" : liveVersion === 0 ? "Not live yet" : `Version ${liveVersion}` },
          { label: "Last changed", value: `${new Date(draft.updatedAt).toLocaleString()} by ${draft.updatedBy}` },
        ]} />
      </Container>
      {liveChanges && (
        <DraftChangesTable changes={liveChanges.changes} header={`Changed live since the draft started (now version ${liveChanges.liveVersion})`}
          description="Publishing would overwrite these. Discard the draft and start again from live, or ask whoever changed live."
          beforeLabel={`Version ${draft.base}`} afterLabel={`Version ${liveChanges.liveVersion}`} />
      )}
      <DraftChangesTable changes={diff?.changes ?? null} error={diffError} header="Changes against live"
        beforeLabel={liveVersion ? `Live (version ${liveVersion})` : "Live"} afterLabel="Draft" />
      <DraftComments comments={draft.comments} busy={busy === "add the comment"} error={decision ? undefined : commentError}
        onAdd={(text) => run("add the comment", () => api.commentDraft(id, text), adopt("Comment added."))} />
      <DecisionModal decision={decision} id={id} busy={busy !== null} commentError={commentError}
        onCancel={() => { setDecision(null); setCommentError(undefined); }} onConfirm={decide} />
      <SchedulePublishModal visible={scheduling} id={id} zone={zone} busy={busy === "schedule publishing"} onCancel={() => setScheduling(false)} onConfirm={publish} />
      <Modal visible={discarding} header={`Discard the draft of ${id}?`} closeAriaLabel="Close without discarding" onDismiss={() => setDiscarding(false)}
        footer={<Box float="right"><SpaceBetween direction="horizontal" size="xs">
          <Button variant="link" onClick={() => setDiscarding(false)}>Cancel</Button>
          <Button variant="primary" loading={busy === "discard the draft"} onClick={() => void run("discard the draft", () => api.removeDraft(id, stored.etag), () => {
            setDiscarding(false);
            notify({ id: noticeId, type: "success", content: "Draft discarded." });
            onChange(null);
          })}>Discard</Button>
        </SpaceBetween></Box>}>
        The draft by {nameList(draft.authors)}, its approvals and its comments go for good. The live config does not change.
      </Modal>
    </SpaceBetween>
  );
}
