import { useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { ApiError } from "../api/client";
import type { FlowConfig } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { validateId } from "./validation";

/**
 * Copies a config under a new id: reads it as stored now, creates the copy only if nothing has that id yet
 * (If-None-Match: *), then hands the new id back so the page can open it.
 */
export function DuplicateConfigModal({ sourceId, onClose, onDuplicated }: {
  sourceId: string;
  onClose: () => void;
  onDuplicated: (id: string) => void;
}) {
  const { api } = useAuth();
  const [newId, setNewId] = useState(`${sourceId}-copy`);
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const idError = validateId(newId) ?? (newId === sourceId ? "Choose an id other than the original's." : undefined);

  const duplicate = async () => {
    setTouched(true);
    if (idError) return;
    setSaving(true);
    setServerError(null);
    try {
      const { config } = await api.get(sourceId);
      // The copy starts its own history: the original's version and authorship are not its own.
      const copy: FlowConfig = { ...config, id: newId };
      delete copy.version;
      delete copy.updatedAt;
      delete copy.updatedBy;
      await api.save(copy, { create: true });
      onDuplicated(newId);
    } catch (e) {
      setServerError(e instanceof ApiError && e.status === 412 ? `A flow config with id ${newId} exists already. Choose another id.`
        : e instanceof ApiError ? (e.fieldMessage("id") ?? e.message) : (e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal visible onDismiss={onClose} header={`Duplicate ${sourceId}`}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose} disabled={saving}>Cancel</Button>
            <Button variant="primary" loading={saving} onClick={() => void duplicate()}>Duplicate</Button>
          </SpaceBetween>
        </Box>
      }>
      <form onSubmit={(e) => { e.preventDefault(); void duplicate(); }}>
        <Form errorText={serverError}>
          <FormField label="New id" description="The copy has the same description, variables and prompts, and its own history from version 1."
            errorText={touched ? idError : undefined}>
            <Input value={newId} autoFocus onChange={({ detail }) => { setNewId(detail.value); setServerError(null); }}
              onBlur={() => setTouched(true)} />
          </FormField>
        </Form>
      </form>
    </Modal>
  );
}
