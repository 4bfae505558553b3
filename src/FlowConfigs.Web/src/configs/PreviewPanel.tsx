import { useEffect, useState } from "react";
import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { FlowConfig, Locale } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { maxResolvedBytes, resolvedSize } from "./validation";

/** Exactly the flat map GetConfig would return for the unsaved document, with its size against Connect's limit. */
export function PreviewPanel({ config, locales, valid }: { config: FlowConfig; locales: Locale[]; valid: boolean }) {
  const { api } = useAuth();
  const [lang, setLang] = useState(locales[0]?.code ?? "en-US");
  const [channel, setChannel] = useState("voice");
  const [map, setMap] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!valid) return;
    const timer = window.setTimeout(() => {
      api.preview(config, lang, channel).then((m) => { setMap(m); setError(null); }, (e: Error) => setError(e.message));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [api, config, lang, channel, valid]);

  const size = map ? resolvedSize(map) : 0;
  return (
    <Container header={<Header variant="h2" description="What a contact flow reads as $.External.* for this language and channel.">Preview</Header>}>
      <SpaceBetween size="m">
        <SpaceBetween direction="horizontal" size="m">
          <FormField label="Language">
            <Select selectedOption={{ value: lang, label: lang }} options={locales.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }))}
              onChange={({ detail }) => setLang(detail.selectedOption.value ?? "en-US")} ariaLabel="Preview language" />
          </FormField>
          <FormField label="Channel">
            <SegmentedControl selectedId={channel} label="Preview channel" onChange={({ detail }) => setChannel(detail.selectedId)}
              options={[{ id: "voice", text: "Voice" }, { id: "chat", text: "Chat" }, { id: "task", text: "Task" }, { id: "email", text: "Email" }]} />
          </FormField>
        </SpaceBetween>
        {!valid && <Box color="text-status-inactive">Fix the highlighted fields to see the preview.</Box>}
        {error && <Box color="text-status-error">{error}</Box>}
        {map && valid && (
          <>
            <ProgressBar value={Math.min(100, (size / maxResolvedBytes) * 100)} label="Size"
              description={`${size.toLocaleString()} of ${maxResolvedBytes.toLocaleString()} bytes (Amazon Connect's limit)`}
              status={size > maxResolvedBytes ? "error" : "in-progress"} />
            <div data-testid="preview-map">
              <KeyValuePairs columns={2} items={Object.entries(map).map(([key, value]) => ({ label: key, value: <code>{value}</code> }))} />
            </div>
          </>
        )}
      </SpaceBetween>
    </Container>
  );
}
