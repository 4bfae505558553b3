import { useCallback, useEffect, useMemo, useState } from "react";
import { useBlocker, useLocation, useNavigate, useParams } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import Table from "@cloudscape-design/components/table";
import { diff } from "../history/diff";
import { ApiError } from "../api/client";
import type { AccessLevel, FlowConfig, Locale } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { historyPath, editorPath } from "./paths";
import { PreviewPanel } from "./PreviewPanel";
import { PromptsEditor } from "./PromptsEditor";
import { validateConfig, type FieldErrors } from "./validation";
import { VariablesEditor } from "./VariablesEditor";

const empty = (): FlowConfig => ({ id: "", description: "", variables: {}, prompts: {} });

/** Create or edit one config: typed variables, prompts by language, live preview, save guarded by its version. */
export function ConfigEditorPage({ create = false }: { create?: boolean }) {
  const { id: routeId } = useParams();
  const { api } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [saved, setSaved] = useState<FlowConfig | null>(create ? empty() : null);
  const [draft, setDraft] = useState<FlowConfig>(empty());
  const [etag, setEtag] = useState<string | null>(null);
  const [level, setLevel] = useState<AccessLevel>(create ? "full" : "none");
  const [locales, setLocales] = useState<Locale[]>([]);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ type: "error" | "success" | "warning"; text: string; conflict?: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const [theirs, setTheirs] = useState<FlowConfig | null>(null);

  const load = useCallback(async () => {
    if (create || !routeId) return;
    try {
      const [{ config, etag: tag }, level] = await Promise.all([api.get(routeId), api.levelOn(routeId)]);
      setSaved(config);
      setDraft(config);
      setEtag(tag);
      setLevel(level ?? "read");
      // Arriving from "Create", the save that brought us here is still worth saying.
      const created = (location.state as { created?: number } | null)?.created;
      setMessage(created ? { type: "success", text: `Saved version ${created}.` } : null);
      setTheirs(null);
      setServerErrors({});
    } catch (e) {
      setMessage({ type: "error", text: (e as Error).message });
    }
  }, [api, create, routeId, location.state]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => { api.settings().then((s) => setLocales(s.locales), () => setLocales([])); }, [api]);

  const dirty = useMemo(() => saved !== null && JSON.stringify(saved) !== JSON.stringify(draft), [saved, draft]);
  const clientErrors = useMemo(() => (create || saved ? validateConfig(draft) : {}), [draft, saved, create]);
  const errors = { ...serverErrors, ...clientErrors };
  const canEditValues = level === "edit" || level === "full";
  const canEditStructure = level === "full";

  // Unsaved changes: warn before leaving, in the app and when closing the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !saving && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = async () => {
    setSaving(true);
    setMessage(null);
    setServerErrors({});
    try {
      const stored = await api.save(draft, create ? { create: true } : { etag });
      setSaved(stored);
      setDraft(stored);
      setEtag(`"${stored.version}"`);
      setMessage({ type: "success", text: `Saved version ${stored.version}.` });
      if (create) navigate(editorPath(stored.id), { replace: true, state: { created: stored.version } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setMessage({ type: "warning", conflict: true, text: "This config was changed by someone else since you opened it. Reload to see their version (your changes here will be lost), or copy your changes first." });
      } else if (e instanceof ApiError) {
        setServerErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v[0]])));
        setMessage({ type: "error", text: e.detail || e.title });
      } else {
        setMessage({ type: "error", text: (e as Error).message });
      }
    } finally {
      setSaving(false);
    }
  };

  if (!saved) return message ? <Alert type="error">{message.text}</Alert> : <Spinner size="large" />;
  const title = create ? "Create flow config" : draft.id;

  return (
    <ContentLayout header={
      <Header variant="h1" description={create ? undefined : `Version ${saved.version}${saved.updatedBy ? `, changed by ${saved.updatedBy}` : ""}. Your access: ${level}.`}
        actions={!create && <Button onClick={() => navigate(historyPath(draft.id))}>History</Button>}>
        {title}
      </Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Form
          actions={canEditValues ? (
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" onClick={() => setDraft(saved)} disabled={!dirty}>Discard changes</Button>
              <Button variant="primary" formAction="submit" loading={saving} disabled={!dirty || Object.keys(clientErrors).length > 0}>Save</Button>
            </SpaceBetween>
          ) : undefined}
        >
          <SpaceBetween size="l">
            {message && (
              <Alert type={message.type} dismissible onDismiss={() => setMessage(null)}
                action={message.conflict ? (
                  <SpaceBetween direction="horizontal" size="xs">
                    <Button formAction="none" onClick={() => void api.get(draft.id).then((latest) => setTheirs(latest.config))}>Compare</Button>
                    <Button formAction="none" onClick={() => void load()}>Reload</Button>
                  </SpaceBetween>
                ) : undefined}
                header={message.conflict ? "Changed by someone else" : undefined}>
                {message.text}
              </Alert>
            )}
            {theirs && (
              <Table
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
            {!canEditValues && <Alert type="info">You have read access: you can look, preview and listen, but not change this config.</Alert>}
            {canEditValues && !canEditStructure && <Alert type="info">With Edit access you change values and texts and add languages; adding or removing variables and prompts needs Full access.</Alert>}
            <Container header={<Header variant="h2">Details</Header>}>
              <SpaceBetween size="m">
                {create && (
                  <FormField label="Id" description="Letters, digits and + - _ . : / @, e.g. queue/technical-support or +18005551234" errorText={draft.id ? errors.id : undefined}>
                    <Input value={draft.id} onChange={({ detail }) => setDraft({ ...draft, id: detail.value })} />
                  </FormField>
                )}
                <FormField label="Description" errorText={errors.description}>
                  <Input value={draft.description} disabled={!canEditStructure} onChange={({ detail }) => setDraft({ ...draft, description: detail.value })} />
                </FormField>
              </SpaceBetween>
            </Container>
            <VariablesEditor config={draft} canEditValues={canEditValues} canEditStructure={canEditStructure} errors={errors} onChange={setDraft} />
            <PromptsEditor config={draft} locales={locales} canEditValues={canEditValues} canEditStructure={canEditStructure} errors={errors} onChange={setDraft} />
            <PreviewPanel config={draft} locales={locales} valid={Object.keys(clientErrors).length === 0} />
          </SpaceBetween>
        </Form>
      </form>
      <Modal visible={blocker.state === "blocked"} header="Leave without saving?" onDismiss={() => blocker.reset?.()}
        footer={<SpaceBetween direction="horizontal" size="xs">
          <Button onClick={() => blocker.reset?.()}>Stay</Button>
          <Button variant="primary" onClick={() => blocker.proceed?.()}>Leave</Button>
        </SpaceBetween>}>
        Your changes to {title} are not saved.
      </Modal>
    </ContentLayout>
  );
}
