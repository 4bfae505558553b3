import { useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { CalendarEvent } from "../api/types";
import { LocalDateTimeField } from "../schedules/LocalDateTimeField";
import { addDays, fieldsInZone } from "../schedules/localTime";
import type { FieldErrors } from "../configs/validation";
import { withServerProblems } from "../schedules/entryForm";
import { RepeatField } from "../schedules/RepeatField";
import { eventFormOf, eventOf, eventProblems, type EventForm } from "./eventForm";

/** Calendar times float: each config that uses the calendar reads them on its own clock. */
const floating = "local time";

/** Adds or changes one event; saving it changes the calendar for every config that uses it. */
export function EventModal({ event, saving, serverErrors, onCancel, onSave }: {
  event: CalendarEvent | undefined; saving: boolean; serverErrors: FieldErrors; onCancel(): void; onSave(event: CalendarEvent): void;
}) {
  const [form, setForm] = useState<EventForm>(() => {
    const today = fieldsInZone(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone).date;
    return eventFormOf(event, today, addDays(today, 1));
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const problems = eventProblems(form);
  const shown = withServerProblems(Object.fromEntries(Object.entries(problems).filter(([path]) => attempted || touched.has(path.split(".")[0]))), serverErrors);
  const change = (field: string, next: Partial<EventForm>) => {
    setTouched((current) => new Set([...current, field]));
    setForm((current) => ({ ...current, ...next }));
  };
  const save = () => {
    setAttempted(true);
    if (Object.keys(problems).length === 0) onSave(eventOf(form));
  };
  return (
    <Modal visible size="medium" header={event ? `Change ${event.name}` : "Add event"} closeAriaLabel="Close without saving" onDismiss={onCancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onCancel}>Cancel</Button>
            <Button variant="primary" loading={saving} onClick={save}>Save event</Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="l">
        {shown[""] && <Box color="text-status-error">{shown[""]}</Box>}
        <Box color="text-body-secondary">Times are wall-clock times: each config that uses this calendar reads them in its own time zone, so a holiday from 00:00 to 00:00 is that whole day at every branch.</Box>
        <FormField label="Name" errorText={shown.name}>
          <Input value={form.name} placeholder="Christmas Day" onChange={({ detail }) => change("name", { name: detail.value })} />
        </FormField>
        <LocalDateTimeField label="Start" zone={floating} value={form.start} problems={{ date: shown["start.date"], time: shown["start.time"] }}
          onChange={(start) => change("start", { start })} />
        <LocalDateTimeField label="End" zone={floating} value={form.end} problems={{ date: shown["end.date"], time: shown["end.time"] }}
          onChange={(end) => change("end", { end })} />
        <RepeatField repeat={form.repeat} start={form.start.date ? `${form.start.date}T${form.start.time}` : undefined} problem={shown.repeat}
          onChange={(repeat) => change("repeat", { repeat })} />
      </SpaceBetween>
    </Modal>
  );
}
