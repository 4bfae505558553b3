import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useBlocker, useNavigate, useParams, useSearchParams } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import Tabs from "@cloudscape-design/components/tabs";
import { diff } from "../history/diff";
import { HistoryRecent } from "../history/HistoryRecent";
import { ApiError } from "../api/client";
import type { AccessLevel, ApprovalRule, FlowConfig, Locale } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { approvalsRequired } from "../drafts/approvalRules";
import { DraftAlerts } from "../drafts/DraftAlerts";
import { DraftTab, type StoredDraft } from "../drafts/DraftTab";
import { levelFromTags } from "../drafts/levelFromTags";
import { rekey } from "../schedules/entryErrors";
import { ScheduleEditor } from "../schedules/ScheduleEditor";
import { ScheduleTimeline } from "../schedules/ScheduleTimeline";
import { validateSchedule } from "../schedules/scheduleValidation";
import { usePage, useShell } from "../shell/ShellContext";
import { UsageTab } from "../usage/UsageTab";
import { DeleteConfigModal } from "./DeleteConfigModal";
import { editorTabOf, editorTabs, type EditorTab } from "./editorTabs";
import { draftPath, historyPath, editorPath } from "./paths";
import { PreviewPanel } from "./PreviewPanel";
import { PromptsEditor } from "./PromptsEditor";
import { ReviewChangesModal, type SaveMode } from "./ReviewChangesModal";
import { saveActions } from "./saveActions";
import { validateConfig, type FieldErrors } from "./validation";
import { VariablesEditor } from "./VariablesEditor";
import { visibleErrors } from "./visibleErrors";

const empty = (): FlowConfig => ({ id: "", description: "", variables: {}, prompts: {} });
const levelLabel: Record<AccessLevel, string> = { none: "None", read: "Read", edit: "Edit", full: "Full" };
/**
 * The editor's notification slots: a new result replaces the last one. Problems (a conflict with its Compare and
 * Reload, a refused save) concern this page and go with it; "Saved" and "Deleted" outlive it (Deleted is read on the list).
 */
const noticeId = "config-editor";
const problemId = "config-editor-problem";

/**
 * Create or edit one config: details, typed variables and prompts by language in tabs, the live preview in the split
 * panel, and a save that shows every changed field first and is guarded by the version the user started from. A config
 * that needs approval is changed through its shared draft (the Draft tab), or live in an emergency.
 */
export function ConfigEditorPage({ create = false }: { create?: boolean }) {
  const { id: routeId } = useParams();
  const { api, me } = useAuth();
  const { notify, dismiss, setSplitPanel } = useShell();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  // Creating from a link that names the id (an id flows ask for that no config has) starts with it filled in.
  const [saved, setSaved] = useState<FlowConfig | null>(() => (create ? { ...empty(), id: search.get("id") ?? "" } : null));
  const [draft, setDraft] = useState<FlowConfig>(() => saved ?? empty());
  const [etag, setEtag] = useState<string | null>(null);
  // The level the list reports; null when it does not list the config (not live yet, or not readable).
  const [loadedLevel, setLoadedLevel] = useState<AccessLevel | null>(null);
  const [locales, setLocales] = useState<Locale[]>([]);
  // The zone of configs that name none; schedule times and the preview's "at" are read in it.
  const [defaultZone, setDefaultZone] = useState("UTC");
  const [loadError, setLoadError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [saveAttempted, setSaveAttempted] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [theirs, setTheirs] = useState<FlowConfig | null>(null);
  // The config's shared draft, whether the live config exists (a new config can exist only as a draft), and whether the
  // editor holds the draft's document, so that saving writes the draft.
  const [stored, setStored] = useState<StoredDraft | null>(null);
  const [live, setLive] = useState(true);
  const [editingDraft, setEditingDraft] = useState(false);
  const [rules, setRules] = useState<ApprovalRule[]>([]);
  const [saveMode, setSaveMode] = useState<SaveMode>("save");
  const [reasonError, setReasonError] = useState<string | undefined>();
  // Set just before the editor itself navigates away (after create or delete), so the unsaved-changes guard lets it.
  const leaving = useRef(false);

  // A config that exists only as a draft is in nobody's list; the caller's patterns tell their level until it is live.
  const level: AccessLevel = create ? (me?.canCreateConfigs ? "full" : "read") : loadedLevel ?? (live ? "read" : levelFromTags(me, routeId ?? ""));
  const tab = editorTabOf(search.get("tab"), create, live);
  const setTab = (next: EditorTab) => setSearch((current) => {
    const params = new URLSearchParams(current);
    params.set("tab", next);
    // A link to one prompt is for arriving; coming back to the Prompts tab later starts at the top.
    params.delete("prompt");
    params.delete("language");
    return params;
  }, { replace: true });

  const title = create ? "Create flow config" : routeId ?? "";
  usePage(title, [
    { text: "Flow configs", href: "/" },
    create ? { text: "Create", href: "/configs/new" } : { text: routeId ?? "", href: editorPath(routeId ?? "") },
  ]);

  const load = useCallback(async () => {
    if (create || !routeId) return;
    try {
      // A config that is not live yet may still have a draft; only when neither exists is it missing.
      const [current, found, pending] = await Promise.all([
        api.get(routeId).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? e : Promise.reject(e))),
        api.levelOn(routeId),
        api.draft(routeId).catch(() => null),
      ]);
      if (current instanceof ApiError && !pending) throw current;
      const isLive = !(current instanceof ApiError);
      const config = isLive ? current.config : pending!.draft.document;
      setSaved(config);
      setDraft(config);
      setEtag(isLive ? current.etag : null);
      setLive(isLive);
      setStored(pending);
      setEditingDraft(!isLive);
      setLoadedLevel(found);
      setTheirs(null);
      setServerErrors({});
      setSaveAttempted(false);
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, [api, create, routeId]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => () => dismiss(problemId), [dismiss]);
  useEffect(() => {
    api.settings().then((s) => { setLocales(s.locales); setDefaultZone(s.timeZone || "UTC"); setRules(s.approvals ?? []); }, () => setLocales([]));
  }, [api]);

  // What the editor's changes are measured against: the live config, or the draft's document while editing the draft.
  const baseline = editingDraft && stored ? stored.draft.document : saved;
  const dirty = useMemo(() => baseline !== null && JSON.stringify(baseline) !== JSON.stringify(draft), [baseline, draft]);
  const clientErrors = useMemo(() => (saved ? { ...validateConfig(draft), ...validateSchedule(draft) } : {}), [draft, saved]);
  const valid = Object.keys(clientErrors).length === 0;
  const errors = baseline ? visibleErrors({ ...serverErrors, ...clientErrors }, baseline, draft, touched, saveAttempted) : {};
  const required = approvalsRequired(rules, create ? draft.id : saved?.id ?? "");
  const canEditValues = level === "edit" || level === "full";
  const canEditStructure = level === "full";
  const touch = (path: string) => setTouched((current) => (current.has(path) ? current : new Set([...current, path])));

  // The preview follows the draft in the split panel, beside whatever tab is open.
  useEffect(() => {
    if (!saved) return;
    setSplitPanel({ header: "Preview", content: <PreviewPanel config={draft} locales={locales} valid={valid} zone={draft.timeZone || defaultZone} /> });
  }, [draft, locales, valid, saved, defaultZone, setSplitPanel]);

  // Unsaved changes: warn before leaving, in the app and when closing the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const requestSave = (mode: SaveMode) => {
    if (!valid) {
      setSaveAttempted(true);
      const fields = Object.keys(clientErrors);
      setTab(editorTabOf(editorTabFor(fields[0]), create, live));
      notify({
        id: problemId, type: "error", header: "Not saved: fix the highlighted fields",
        content: fields.length === 1 ? `${fields[0]}: ${clientErrors[fields[0]]}` : `${fields.length} fields need attention, first ${fields[0]}: ${clientErrors[fields[0]]}`,
      });
      return;
    }
    setSaveMode(mode);
    setReasonError(undefined);
    setReviewing(true);
  };

  /** A refused save's problem: field messages go to their fields (and their tab opens), the sentence to the notifications. */
  const showProblem = (e: unknown, header: string) => {
    if (e instanceof ApiError && Object.keys(e.fields).length > 0) {
      setSaveAttempted(true);
      setServerErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v[0]])));
      // The tab holding the first field the server named opens, so its message is in view (schedule[2].end → Schedule).
      const first = Object.keys(e.fields)[0];
      if (first) setTab(editorTabOf(editorTabFor(first), create, live));
    }
    notify({ id: problemId, type: "error", header, content: e instanceof ApiError ? e.detail || e.title : (e as Error).message });
  };

  const openDraft = async () => {
    const pending = await api.draft(draft.id).catch(() => null);
    setStored(pending);
    setTab("draft");
  };

  const saveAsDraft = async () => {
    setSaving(true);
    setServerErrors({});
    dismiss(problemId);
    try {
      const result = editingDraft && stored ? await api.saveDraft(draft, { etag: stored.etag }) : await api.saveDraft(draft, { create: true });
      setReviewing(false);
      notify({
        id: noticeId, type: "success", header: "Draft saved.",
        content: live && !create ? `Contact flows still read version ${saved?.version}. Submit the draft for review or publish it from the Draft tab.`
          : "The config goes live when the draft is published. Submit it for review or publish it from the Draft tab.",
      });
      if (create) {
        leaving.current = true;
        navigate(draftPath(result.draft.id), { replace: true });
        return;
      }
      setStored(result);
      setEditingDraft(true);
      setDraft(result.draft.document);
      setSaveAttempted(false);
    } catch (e) {
      setReviewing(false);
      if (e instanceof ApiError && e.status === 412) {
        notify({
          id: problemId, type: "warning", header: editingDraft ? "The draft was changed by someone else" : "There is a draft already",
          content: editingDraft
            ? "Someone else saved the draft since you opened it. Open it again to see their version (your changes here are lost), then reapply what you still need."
            : "Someone started a draft of this config. Open it and make your change there; a config has one shared draft.",
          action: <Button onClick={() => { dismiss(problemId); void openDraft(); }}>Open draft</Button>,
        });
      } else {
        showProblem(e, "Draft not saved");
      }
    } finally {
      setSaving(false);
    }
  };

  const save = async (reason?: string) => {
    if (saveMode === "draft") return saveAsDraft();
    setSaving(true);
    setServerErrors({});
    dismiss(problemId);
    try {
      const stored = await api.save(draft, create ? { create: true } : { etag, emergencyReason: saveMode === "emergency" ? reason : undefined });
      setReviewing(false);
      notify(saveMode === "emergency"
        ? { id: noticeId, type: "success", header: `Saved version ${stored.version} as an emergency change.`, content: `${stored.id} is live for contact flows; the history and the audit flag the change with your reason.` }
        : { id: noticeId, type: "success", header: `Saved version ${stored.version}.`, content: `${stored.id} is live for contact flows.` });
      if (create) {
        leaving.current = true;
        navigate(editorPath(stored.id), { replace: true });
        return;
      }
      setSaved(stored);
      setDraft(stored);
      setEtag(`"${stored.version}"`);
      setSaveAttempted(false);
    } catch (e) {
      if (e instanceof ApiError && e.fieldMessage("emergency.reason")) {
        // The reason is the modal's own field: it stays open with the gateway's message there.
        setReasonError(e.fieldMessage("emergency.reason"));
        return;
      }
      setReviewing(false);
      if (e instanceof ApiError && e.is("draft-required")) {
        // The approval rules changed since the page read them: the server's word stands and the draft is the way.
        api.settings().then((s) => setRules(s.approvals ?? []), () => {});
        notify({
          id: problemId, type: "warning", header: "This config needs approval", content: e.detail || e.title,
          action: <Button onClick={() => { dismiss(problemId); requestSave("draft"); }}>Save as draft</Button>,
        });
      } else if (e instanceof ApiError && e.status === 412) {
        notify({
          id: problemId, type: "warning", header: "Changed by someone else",
          content: "This config was changed by someone else since you opened it. Compare their version with your changes, then reload to take theirs (your changes here are lost) and reapply what you still need.",
          action: (
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => void api.get(draft.id).then((latest) => setTheirs(latest.config))}>Compare</Button>
              <Button onClick={() => { dismiss(problemId); void load(); }}>Reload</Button>
            </SpaceBetween>
          ),
        });
      } else {
        showProblem(e, "Not saved");
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async (emergencyReason?: string) => {
    setDeleting(true);
    try {
      await api.remove(draft.id, emergencyReason);
      setConfirmingDelete(false);
      notify({ id: noticeId, type: "success", header: `Deleted ${draft.id}.`, content: "Its history stays available to users with Full access." });
      leaving.current = true;
      navigate("/");
    } catch (e) {
      setConfirmingDelete(false);
      notify({ id: problemId, type: "error", header: `${draft.id} was not deleted`, content: (e as Error).message });
    } finally {
      setDeleting(false);
    }
  };

  if (loadError) return <Alert type="error" header="The config could not be opened">{loadError}</Alert>;
  if (!saved || (create && !me)) return <Spinner size="large" />;

  const editDraft = () => {
    if (!stored) return;
    setEditingDraft(true);
    setDraft(stored.draft.document);
    setServerErrors({});
    setTouched(new Set());
    setSaveAttempted(false);
    setTab("details");
  };
  const backToLive = () => {
    setEditingDraft(false);
    setDraft(saved);
    setServerErrors({});
    setSaveAttempted(false);
  };
  const draftChanged = (next: StoredDraft | null) => {
    setStored(next);
    if (next === null && editingDraft) {
      if (!live) { leaving.current = true; navigate("/"); return; }
      backToLive();
    } else if (next && editingDraft && !dirty) {
      setDraft(next.draft.document);
    }
  };
  const published = (config: FlowConfig) => {
    setSaved(config);
    setDraft(config);
    setEtag(`"${config.version}"`);
    setStored(null);
    setEditingDraft(false);
    setLive(true);
  };
  const zone = draft.timeZone || defaultZone;
  const actions = saveActions({ level, create, editingDraft, approvalsRequired: required, draftExists: !!stored, dirty });

  const tabs = editorTabs(create, live).map((id) => ({
    id,
    label: tabLabel[id],
    content: id === "details" ? (
      <Container header={<Header variant="h2">Details</Header>}>
        <SpaceBetween size="l">
          {create && (
            <FormField label="Id" description="Letters, digits and + - _ . : / @, e.g. queue/technical-support or +18005551234" errorText={errors.id}>
              <Input value={draft.id} disabled={!canEditStructure} onBlur={() => touch("id")}
                onChange={({ detail }) => setDraft({ ...draft, id: detail.value })} />
            </FormField>
          )}
          <FormField label="Description" errorText={errors.description}
            constraintText={canEditStructure ? "Required; up to 1,024 characters." : undefined}>
            <Input value={draft.description} disabled={!canEditStructure} onBlur={() => touch("description")}
              onChange={({ detail }) => setDraft({ ...draft, description: detail.value })} />
          </FormField>
          {!create && (
            <KeyValuePairs columns={3} items={[
              { label: "Version", value: live ? saved.version ?? "-" : "Not live yet (a draft)" },
              { label: "Last changed", value: saved.updatedAt ? `${new Date(saved.updatedAt).toLocaleString()}${saved.updatedBy ? ` by ${saved.updatedBy}` : ""}` : "-" },
              { label: "Your access", value: levelLabel[level] },
            ]} />
          )}
        </SpaceBetween>
      </Container>
    ) : id === "variables" ? (
      <VariablesEditor config={draft} canEditValues={canEditValues} canEditStructure={canEditStructure} errors={errors} onChange={setDraft} />
    ) : id === "prompts" ? (
      <PromptsEditor config={draft} locales={locales} canEditValues={canEditValues} canEditStructure={canEditStructure} errors={errors} onChange={setDraft}
        focus={search.get("prompt") ? { prompt: search.get("prompt")!, language: search.get("language") ?? undefined } : undefined} />
    ) : id === "schedule" ? (
      <SpaceBetween size="l">
        <ScheduleEditor config={draft} defaultZone={defaultZone} locales={locales} canEditValues={canEditValues} canEditStructure={canEditStructure} errors={errors}
          onChange={(next, move) => { setDraft(next); if (move) setServerErrors((current) => rekey(current, move)); }} />
        {!create && live && (
          <ScheduleTimeline id={saved.id} version={saved.version} zone={saved.timeZone || defaultZone} order={(saved.schedule ?? []).map((e) => e.name)}
            unsaved={JSON.stringify([saved.schedule, saved.timeZone]) !== JSON.stringify([draft.schedule, draft.timeZone])} />
        )}
      </SpaceBetween>
    ) : id === "draft" ? (
      <DraftTab id={saved.id} stored={stored} level={level} zone={zone} editing={editingDraft}
        editBlocked={dirty && !editingDraft ? "Save or discard your changes first." : undefined} unsaved={dirty && editingDraft}
        onChange={draftChanged} onEdit={editDraft} onPublished={published} />
    ) : id === "history" ? (
      <HistoryRecent id={saved.id} version={saved.version} />
    ) : (
      <UsageTab id={saved.id} />
    ),
  }));

  return (
    <ContentLayout header={
      <Header variant="h1"
        info={dirty ? <StatusIndicator type="warning">Unsaved changes</StatusIndicator> : undefined}
        description={create ? "A new set of variables and prompts for contact flows." : saved.description}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            {!create && live && <Button onClick={() => navigate(historyPath(saved.id))}>History</Button>}
            {!create && live && level === "full" && <Button onClick={() => setConfirmingDelete(true)}>Delete</Button>}
            {canEditValues && <Button onClick={() => { setDraft(baseline ?? saved); setSaveAttempted(false); setTouched(new Set()); }} disabled={!dirty}>Discard changes</Button>}
            {editingDraft && live && <Button disabled={dirty} disabledReason="Save or discard your changes to the draft first." onClick={backToLive}>Back to live</Button>}
            {actions.map((action) => (
              <Button key={action.mode} variant={action.primary ? "primary" : "normal"} iconName={action.mode === "emergency" ? "status-warning" : undefined}
                loading={saving && action.mode === saveMode} disabled={action.disabled} disabledReason={action.disabledReason}
                onClick={() => requestSave(action.mode)}>{action.label}</Button>
            ))}
          </SpaceBetween>
        }>
        {title}
      </Header>}>
      <SpaceBetween size="l">
        <AccessAlert create={create} level={level} />
        <DraftAlerts id={saved.id} create={create} level={level} stored={stored} editing={editingDraft} liveVersion={live ? saved.version : undefined}
          approvalsRequired={required} onDraftTab={tab === "draft"} onOpenDraft={() => setTab("draft")} />
        {theirs && (
          <Table
            variant="container"
            wrapLines
            header={<Header variant="h2" description="Reload to take their version, then reapply what you still need.">Their version {theirs.version} and your changes</Header>}
            items={diff(theirs, draft)}
            ariaLabels={{ tableLabel: "Their version and your changes" }}
            columnDefinitions={[
              { id: "field", header: "Field", cell: (c) => c.field },
              { id: "theirs", header: `Version ${theirs.version} (${theirs.updatedBy ?? "someone else"})`, cell: (c) => c.before ?? "(none)" },
              { id: "yours", header: "Your unsaved change", cell: (c) => c.after ?? "(none)" },
            ]}
          />
        )}
        <Tabs tabs={tabs} activeTabId={tab} onChange={({ detail }) => setTab(detail.activeTabId as EditorTab)} ariaLabel="Config sections"
          i18nStrings={{ scrollLeftAriaLabel: "Show earlier sections", scrollRightAriaLabel: "Show later sections" }} />
      </SpaceBetween>
      <ReviewChangesModal visible={reviewing} before={baseline ?? saved} after={draft} saving={saving} mode={saveMode} approvalsRequired={required}
        reasonError={reasonError} onCancel={() => setReviewing(false)} onConfirm={(reason) => void save(reason)} />
      {!create && live && (
        <DeleteConfigModal id={saved.id} visible={confirmingDelete} deleting={deleting} approvalsRequired={required}
          onCancel={() => setConfirmingDelete(false)} onConfirm={(reason) => void remove(reason)} />
      )}
      <Modal visible={blocker.state === "blocked"} header="Leave without saving?" closeAriaLabel="Close and keep editing" onDismiss={() => blocker.reset?.()}
        footer={<Box float="right"><SpaceBetween direction="horizontal" size="xs">
          <Button onClick={() => blocker.reset?.()}>Stay</Button>
          <Button variant="primary" onClick={() => blocker.proceed?.()}>Leave</Button>
        </SpaceBetween></Box>}>
        Your changes to {title} are not saved.
      </Modal>
    </ContentLayout>
  );
}

const tabLabel: Record<EditorTab, string> = { details: "Details", variables: "Variables", prompts: "Prompts", schedule: "Schedule", draft: "Draft", history: "History", usage: "Usage" };

/** The tab that holds a field path from the validation or the server. */
function editorTabFor(path: string | undefined): EditorTab {
  if (path?.startsWith("variables.") || path?.startsWith("schema.")) return "variables";
  if (path?.startsWith("prompts.")) return "prompts";
  if (path?.startsWith("schedule") || path === "timeZone") return "schedule";
  return "details";
}

/** Why a page the user may not change is read-only, and which access would change that. */
function AccessAlert({ create, level }: { create: boolean; level: AccessLevel }) {
  if (create && level !== "full")
    return (
      <Alert type="info" header="You cannot create flow configs">
        Creating a config needs Full access: the FlowConfigAdmin group, or a FlowConfigFull pattern for the ids you create. Ask your
        administrator for it; until then this page is read-only.
      </Alert>
    );
  if (level === "read")
    return (
      <Alert type="info" header="Read-only">
        You have read access: you can look, preview and listen, but not change this config. Changing values and texts needs Edit
        access; changing variables, prompts or the description needs Full access.
      </Alert>
    );
  if (level === "edit")
    return (
      <Alert type="info" header="Values and texts only">
        With Edit access you change values and texts, add languages and change the schedule; adding or removing variables and
        prompts, the description and the time zone need Full access.
      </Alert>
    );
  return null;
}
