import { useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { ApiError } from "../api/client";
import { useAuth } from "../auth/AuthContext";
import { validateDescription, validateId } from "../configs/validation";
import { useShell } from "../shell/ShellContext";

/** A new, empty calendar: its id (what schedule entries name) and a description; events come after. */
export function CreateCalendarModal({ onCancel, onCreated }: { onCancel(): void; onCreated(id: string): void }) {
  const { api } = useAuth();
  const { notify } = useShell();
  const [id, setId] = useState("");
  const [description, setDescription] = useState("");
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const problems = { id: validateId(id), description: validateDescription(description) };
  const create = async () => {
    setAttempted(true);
    if (problems.id || problems.description) return;
    setSaving(true);
    try {
      await api.saveCalendar({ id, description, events: [] }, { create: true });
      notify({ id: "calendar", type: "success", header: `Created calendar ${id}.`, content: "Add its events, or import them from an .ics file." });
      onCreated(id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setServer({ id: `A calendar called ${id} already exists.` });
      else if (e instanceof ApiError && Object.keys(e.fields).length) setServer(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v[0]])));
      else setServer({ "": (e as Error).message });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal visible header="Create calendar" closeAriaLabel="Close without creating" onDismiss={onCancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onCancel}>Cancel</Button>
            <Button variant="primary" loading={saving} onClick={() => void create()}>Create</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="l">
        <FormField label="Id" description="What schedule entries name, e.g. us-holidays or emergency-closure. It cannot be changed later."
          errorText={server.id ?? (attempted || id ? problems.id : undefined)}>
          <Input value={id} onChange={({ detail }) => { setId(detail.value); setServer({}); }} placeholder="us-holidays" />
        </FormField>
        <FormField label="Description" errorText={server.description ?? (attempted ? problems.description : undefined)}>
          <Input value={description} onChange={({ detail }) => { setDescription(detail.value); setServer({}); }} placeholder="US public holidays" />
        </FormField>
        {server[""] && <Box color="text-status-error">{server[""]}</Box>}
      </SpaceBetween>
    </Modal>
  );
}
