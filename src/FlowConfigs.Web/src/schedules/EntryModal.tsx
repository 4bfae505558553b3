import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import RadioGroup from "@cloudscape-design/components/radio-group";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { CalendarSummary, FlowConfig, Locale, ScheduleEntry } from "../api/types";
import type { FieldErrors } from "../configs/validation";
import { fieldOf, formOf, formProblems, entryOf, withServerProblems, type EntryForm } from "./entryForm";
import { LocalDateTimeField } from "./LocalDateTimeField";
import { addDays, fieldsInZone } from "./localTime";
import { OverridesFields } from "./OverridesFields";
import { RepeatField } from "./RepeatField";

interface Props {
  /** The entry being changed, or undefined to add one. */
  entry: ScheduleEntry | undefined;
  config: FlowConfig;
  zone: string;
  locales: Locale[];
  /** Null while loading; the list the calendar choice offers. */
  calendars: CalendarSummary[] | null;
  otherNames: string[];
  /** What the server said about this entry at the last save, keyed inside the entry. */
  serverErrors: FieldErrors;
  onCancel(): void;
  onDone(entry: ScheduleEntry): void;
}

/**
 * Adds or changes one schedule entry: its name, when it applies (a window in the config's zone, maybe repeating, or
 * a shared calendar's events) and what it changes. The entry joins the config's unsaved changes; saving the config
 * makes it live. Opened afresh for each entry, so the form starts from the entry each time.
 */
export function EntryModal({ entry, config, zone, locales, calendars, otherNames, serverErrors, onCancel, onDone }: Props) {
  const [form, setForm] = useState<EntryForm>(() => newForm(entry, zone));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);

  const problems = formProblems(form, config, otherNames, calendars?.map((c) => c.id));
  const shown = withServerProblems(
    Object.fromEntries(Object.entries(problems).filter(([path]) => attempted || touched.has(fieldOf(path)))),
    serverErrors,
  );
  const touch = (field: string) => setTouched((current) => (current.has(field) ? current : new Set([...current, field])));
  const change = (field: string, next: Partial<EntryForm>) => { touch(field); setForm((current) => ({ ...current, ...next })); };
  const done = () => {
    setAttempted(true);
    if (Object.keys(problems).length === 0) onDone(entryOf(form));
  };

  const calendarOptions = (calendars ?? []).map((c) => ({ value: c.id, label: c.id, description: c.description, tags: [`${c.eventCount} ${c.eventCount === 1 ? "event" : "events"}`] }));
  const startText = form.start.date ? `${form.start.date}T${form.start.time}` : undefined;
  return (
    <Modal visible size="large" header={entry ? `Change ${entry.name}` : "Add a schedule entry"} closeAriaLabel="Close without changing the schedule" onDismiss={onCancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onCancel}>Cancel</Button>
            <Button variant="primary" onClick={done}>{entry ? "Keep changes" : "Add entry"}</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="l">
          <Box color="text-body-secondary">The entry goes into this config's unsaved changes; it applies to contact flows once you save the config.</Box>
          <FormField label="Name" description="Unique in this config, e.g. Christmas closure." errorText={shown.name}>
            <Input value={form.name} onBlur={() => touch("name")} onChange={({ detail }) => change("name", { name: detail.value })} />
          </FormField>
          {/* The choices explained in the field's description: axe (label-title-only) finds no visible label on radio buttons that carry their own. */}
          <FormField label="Applies" description="In a time window, from a start to an end, once or repeating; or during every event of a shared calendar, such as public holidays.">
            <RadioGroup value={form.kind} onChange={({ detail }) => change("kind", { kind: detail.value as EntryForm["kind"] })}
              items={[
                { value: "window", label: "Time window" },
                { value: "calendar", label: "Calendar" },
              ]} />
          </FormField>
          {form.kind === "window" ? (
            <SpaceBetween size="m">
              <LocalDateTimeField label="Start" zone={zone} value={form.start} onBlur={() => touch("start")}
                problems={{ date: shown["start.date"], time: shown["start.time"] }}
                onChange={(start) => change("start", { start })} />
              <LocalDateTimeField label="End" zone={zone} value={form.end} onBlur={() => touch("end")}
                description="The entry stops applying at this moment."
                problems={{ date: shown["end.date"], time: shown["end.time"] }}
                onChange={(end) => change("end", { end })} />
              <RepeatField repeat={form.repeat} start={startText} problem={shown.repeat} onChange={(repeat) => change("repeat", { repeat })} />
            </SpaceBetween>
          ) : (
            <FormField label="Calendar" errorText={shown.calendar}
              description={`Its events are read as local times in ${zone}: a holiday from 00:00 to 00:00 is that day here.`}>
              <Select selectedOption={calendarOptions.find((o) => o.value === form.calendar) ?? (form.calendar ? { value: form.calendar, label: form.calendar } : null)}
                options={calendarOptions} placeholder="Choose a calendar" filteringType="auto" empty="No calendars yet: create one on the Calendars page"
                statusType={calendars ? "finished" : "loading"} loadingText="Loading calendars"
                onChange={({ detail }) => change("calendar", { calendar: detail.selectedOption.value ?? "" })} />
            </FormField>
          )}
          {shown[""] && <Alert type="error">{shown[""]}</Alert>}
          <OverridesFields config={config} locales={locales} entryName={form.name} variables={form.variables} prompts={form.prompts} errors={shown}
            onChange={(next) => change("overrides", next)} />
      </SpaceBetween>
    </Modal>
  );
}

function newForm(entry: ScheduleEntry | undefined, zone: string): EntryForm {
  const today = fieldsInZone(new Date(), zone).date;
  return formOf(entry, addDays(today, 1), addDays(today, 2));
}
