import { useEffect, useState } from "react";
import Box from "@cloudscape-design/components/box";
import FormField from "@cloudscape-design/components/form-field";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import RadioGroup from "@cloudscape-design/components/radio-group";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { FlowConfig, Locale } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { LocalDateTimeField } from "../schedules/LocalDateTimeField";
import { fieldProblems, fieldsInZone } from "../schedules/localTime";
import { previewAt, previewMomentLabel, previewReady, type PreviewMoment } from "../schedules/previewMoment";
import { maxResolvedBytes, resolvedSize } from "./validation";

const channels = [{ value: "voice", label: "Voice" }, { value: "chat", label: "Chat" }, { value: "task", label: "Task" }, { value: "email", label: "Email" }];

/**
 * In the editor's split panel: exactly the flat map GetConfig would return for the unsaved document, with its size
 * against Connect's limit; now, or at a chosen moment in the config's zone (what the schedule makes of it then).
 */
export function PreviewPanel({ config, locales, valid, zone }: { config: FlowConfig; locales: Locale[]; valid: boolean; zone: string }) {
  const { api } = useAuth();
  const [lang, setLang] = useState(locales[0]?.code ?? "en-US");
  const [channel, setChannel] = useState("voice");
  const [map, setMap] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moment, setMoment] = useState<PreviewMoment>({ kind: "now" });
  // The map on screen is for this moment; while the next answer is on its way the label stays true to the map.
  const [shownFor, setShownFor] = useState("Now");
  const at = previewAt(moment);
  const ready = previewReady(moment);
  const label = previewMomentLabel(moment, zone);

  useEffect(() => {
    if (!valid || !ready) return;
    const timer = window.setTimeout(() => {
      api.preview(config, lang, channel, at).then((m) => { setMap(m); setShownFor(label); setError(null); }, (e: Error) => setError(e.message));
    }, 300);
    return () => window.clearTimeout(timer);
  }, [api, config, lang, channel, valid, ready, at, label]);

  const size = map ? resolvedSize(map) : 0;
  const languages = locales.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }));
  return (
    <SpaceBetween size="m">
      <Box color="text-body-secondary">What a contact flow reads as $.External.* for this language and channel, unsaved changes included.</Box>
      <ColumnLayout columns={2}>
        <FormField label="Language">
          <Select selectedOption={languages.find((l) => l.value === lang) ?? { value: lang, label: lang }} options={languages}
            onChange={({ detail }) => setLang(detail.selectedOption.value ?? "en-US")} />
        </FormField>
        <FormField label="Channel">
          {/* A select, not a segmented control: the side panel is too narrow for four segments. */}
          <Select selectedOption={channels.find((c) => c.value === channel) ?? channels[0]} options={channels}
            onChange={({ detail }) => setChannel(detail.selectedOption.value ?? "voice")} />
        </FormField>
      </ColumnLayout>
      <FormField label="When" description={`Schedule entries apply by the clock in ${zone}.`}>
        <RadioGroup direction="horizontal" value={moment.kind}
          items={[{ value: "now", label: "Now" }, { value: "at", label: "At a time" }]}
          onChange={({ detail }) => setMoment(detail.value === "at" ? { kind: "at", fields: fieldsInZone(new Date(), zone) } : { kind: "now" })} />
      </FormField>
      {moment.kind === "at" && (
        <LocalDateTimeField label="Preview at" zone={zone} value={moment.fields} problems={fieldProblems(moment.fields)}
          onChange={(fields) => setMoment({ kind: "at", fields })} />
      )}
      {!valid && <Box color="text-status-inactive">The preview appears once every field is valid.</Box>}
      {error && <Box color="text-status-error">{error}</Box>}
      {map && valid && (
        <>
          <Box variant="h3" tagOverride="h3">{shownFor === "Now" ? "Values now" : `Values ${shownFor.replace(/^At/, "at")}`}</Box>
          <ProgressBar value={Math.min(100, (size / maxResolvedBytes) * 100)} label="Size"
            description={`${size.toLocaleString()} of ${maxResolvedBytes.toLocaleString()} bytes (Amazon Connect's limit)`}
            status={size > maxResolvedBytes ? "error" : "in-progress"} />
          <div data-testid="preview-map">
            <KeyValuePairs columns={2} items={Object.entries(map).map(([key, value]) => ({ label: key, value: <code>{value}</code> }))} />
          </div>
        </>
      )}
    </SpaceBetween>
  );
}
