import { useCallback, useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import FileUpload from "@cloudscape-design/components/file-upload";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Multiselect from "@cloudscape-design/components/multiselect";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import type { ImportResult } from "../api/types";
import { useAuth } from "../auth/AuthContext";

/** Moving configs between environments as JSON files: export a selection, import a file with per-item results. */
export function ImportExportPage() {
  const { api } = useAuth();
  const [ids, setIds] = useState<string[]>([]);
  const [chosen, setChosen] = useState<readonly { value?: string; label?: string }[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [results, setResults] = useState<ImportResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The first ids matching what the user typed, from the server: a directory can hold far more than a menu should.
  const loadIds = useCallback(
    (pattern?: string) => api.list({ pattern, limit: 100 }).then((l) => setIds(l.items.map((i) => i.id)), (e: Error) => setError(e.message)),
    [api]);
  useEffect(() => { void loadIds(); }, [loadIds]);

  const exportSelected = async () => {
    const configs = await api.exportConfigs(chosen.map((c) => c.value!));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(configs, null, 2)], { type: "application/json" }));
    link.download = "flowconfigs-export.json";
    link.click();
  };

  const importFile = async () => {
    setError(null);
    setResults(null);
    try {
      const parsed: unknown = JSON.parse(await files[0].text());
      setResults(await api.importConfigs(parsed));
      await loadIds(); // what was just imported can be exported at once
    } catch (e) {
      setError(e instanceof SyntaxError ? `${files[0].name} is not JSON: ${e.message}` : (e as Error).message);
    }
  };

  return (
    <SpaceBetween size="l">
      <Header variant="h1">Import and export</Header>
      {error && <Alert type="error" dismissible onDismiss={() => setError(null)}>{error}</Alert>}
      <Container header={<Header variant="h2">Export</Header>}>
        <SpaceBetween size="s">
          <FormField label="Configs to export">
            <Multiselect selectedOptions={chosen} options={ids.map((id) => ({ value: id, label: id }))} filteringType="manual"
              filteringPlaceholder="Find by id prefix" filteringAriaLabel="Find configs by id prefix" onLoadItems={({ detail }) => void loadIds(detail.filteringText || undefined)}
              placeholder="Choose flow configs" onChange={({ detail }) => setChosen(detail.selectedOptions)} />
          </FormField>
          <Button disabled={chosen.length === 0} onClick={() => void exportSelected()}>Download JSON</Button>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2" description="A JSON array of flow configs; each is checked and saved on its own.">Import</Header>}>
        <SpaceBetween size="s">
          <FormField label="File to import">
            <FileUpload value={files} accept="application/json,.json" onChange={({ detail }) => setFiles(detail.value)}
              i18nStrings={{ uploadButtonText: () => "Choose file", dropzoneText: () => "Drop a JSON file", removeFileAriaLabel: () => "Remove file", errorIconAriaLabel: "Error", warningIconAriaLabel: "Warning" }} />
          </FormField>
          <Button variant="primary" disabled={files.length === 0} onClick={() => void importFile()}>Import</Button>
          {results && (
            <Table items={results} ariaLabels={{ tableLabel: "Import results" }} empty={<Box>The file held no configs.</Box>}
              columnDefinitions={[
                { id: "id", header: "Id", cell: (r) => r.id ?? "(no id)" },
                { id: "status", header: "Result", cell: (r) => <StatusIndicator type={r.status === "failed" ? "error" : "success"}>{r.status}</StatusIndicator> },
                { id: "error", header: "Why", cell: (r) => r.error ?? "" },
              ]} />
          )}
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
