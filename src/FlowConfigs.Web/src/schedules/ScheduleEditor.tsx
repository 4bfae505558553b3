import { useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { CalendarSummary, FlowConfig, Locale, ScheduleEntry } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import type { FieldErrors } from "../configs/validation";
import { describeChanges, describeWhen } from "./describeEntry";
import { EntryModal } from "./EntryModal";
import { entrySummaryMessages, errorsOfEntry, followEdit, followMove, followRemove, type KeyMove } from "./entryErrors";
import { maxScheduleEntries } from "./scheduleValidation";
import { moveEntry, overriddenBy, putEntry, removeEntry } from "./scheduleOrder";
import { TimeZoneSelect } from "./TimeZoneSelect";

interface Props {
  config: FlowConfig;
  /** The zone of configs that name none (the settings'). */
  defaultZone: string;
  locales: Locale[];
  canEditValues: boolean;
  canEditStructure: boolean;
  errors: FieldErrors;
  /** The change, and where the server's messages about entries go with it. */
  onChange(next: FlowConfig, move?: KeyMove): void;
}

/**
 * The config's time zone and its schedule: entries in precedence order (first listed wins where two apply at once),
 * each added or changed in a form. Edit users change entries; the zone needs Full access.
 */
export function ScheduleEditor({ config, defaultZone, locales, canEditValues, canEditStructure, errors, onChange }: Props) {
  const { api } = useAuth();
  const schedule = config.schedule ?? [];
  const zone = config.timeZone || defaultZone;
  const [editing, setEditing] = useState<number | null>(null);
  const [calendars, setCalendars] = useState<CalendarSummary[] | null>(null);
  useEffect(() => { api.calendars().then(setCalendars, () => setCalendars([])); }, [api]);

  const setSchedule = (next: ScheduleEntry[], move?: KeyMove) =>
    onChange(next.length ? { ...config, schedule: next } : withoutSchedule(config), move);
  const setZone = (next: string) => {
    const changed: FlowConfig = { ...config, timeZone: next };
    if (!next) delete changed.timeZone;
    onChange(changed);
  };

  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description="Schedule times are wall-clock times in this zone; daylight saving time is taken care of.">Time zone</Header>}>
        <FormField label="Time zone of this config" errorText={errors.timeZone}
          description={canEditStructure ? `Without a zone of its own the config follows the settings (${defaultZone}).` : "Changing the time zone needs Full access."}>
          {canEditStructure ? (
            <TimeZoneSelect value={config.timeZone ?? ""} defaultLabel={`Settings default (${defaultZone})`} invalid={!!errors.timeZone} onChange={setZone} />
          ) : (
            <Box variant="p">{config.timeZone ? config.timeZone : `${defaultZone} (the settings' default)`}</Box>
          )}
        </FormField>
      </Container>
      <Container header={
        <Header variant="h2" counter={`(${schedule.length})`}
          description="While an entry applies, it changes the variables and prompt languages it names. Where entries overlap, the first listed wins for each of them: move an entry up to make it win."
          actions={canEditValues ? <Button disabled={schedule.length >= maxScheduleEntries} onClick={() => setEditing(schedule.length)}>Add entry</Button> : undefined}>
          Schedule
        </Header>}>
        <SpaceBetween size="m">
          {errors.schedule && <Alert type="error">{errors.schedule}</Alert>}
          {schedule.length === 0 && (
            <Box color="text-body-secondary">No entries: contact flows always read the config's own values.{canEditValues ? " Add an entry to change some of them for a while, such as a holiday closure." : ""}</Box>
          )}
          <ol className="schedule-entries" aria-label="Schedule entries, first listed wins">
            {schedule.map((entry, index) => (
              <li key={`${index} ${entry.name}`}>
                <EntryItem entry={entry} index={index} count={schedule.length} schedule={schedule} errors={errorsOfEntry(errors, index)} canEdit={canEditValues}
                  onMove={(delta) => setSchedule(moveEntry(schedule, index, delta), followMove(index, index + delta))}
                  onEdit={() => setEditing(index)}
                  onRemove={() => setSchedule(removeEntry(schedule, index), followRemove(index))} />
              </li>
            ))}
          </ol>
        </SpaceBetween>
      </Container>
      {editing !== null && (
        <EntryModal entry={schedule[editing]} config={config} zone={zone} locales={locales} calendars={calendars}
          otherNames={schedule.filter((_, i) => i !== editing).map((e) => e.name)}
          serverErrors={errorsOfEntry(errors, editing)}
          onCancel={() => setEditing(null)}
          onDone={(entry) => { setSchedule(putEntry(schedule, editing, entry), followEdit(editing)); setEditing(null); }} />
      )}
    </SpaceBetween>
  );
}

function EntryItem(props: {
  entry: ScheduleEntry; index: number; count: number; schedule: ScheduleEntry[]; errors: FieldErrors; canEdit: boolean;
  onMove(delta: -1 | 1): void; onEdit(): void; onRemove(): void;
}) {
  const { entry, index, count, schedule, errors, canEdit, onMove, onEdit, onRemove } = props;
  const problems = entrySummaryMessages(errors);
  const shadowed = Object.entries(overriddenBy(schedule, index));
  return (
    <SpaceBetween size="xs">
      <Header variant="h3"
        actions={canEdit ? (
          <SpaceBetween direction="horizontal" size="xs">
            <Button iconName="arrow-up" variant="icon" disabled={index === 0} ariaLabel={`Move ${entry.name} up`} onClick={() => onMove(-1)} />
            <Button iconName="arrow-down" variant="icon" disabled={index === count - 1} ariaLabel={`Move ${entry.name} down`} onClick={() => onMove(1)} />
            <Button onClick={onEdit} ariaLabel={`Change ${entry.name}`}>Change</Button>
            <Button onClick={onRemove} ariaLabel={`Remove ${entry.name}`}>Remove</Button>
          </SpaceBetween>
        ) : undefined}>
        {index + 1}. {entry.name}
      </Header>
      <Box>{describeWhen(entry)}</Box>
      <Box color="text-body-secondary">Changes: {describeChanges(entry).join("; ") || "nothing"}</Box>
      {shadowed.length > 0 && <Box variant="small" color="text-body-secondary">{shadowedText(shadowed)}</Box>}
      {problems.length > 0 && (
        <div role="alert">
          <Box color="text-status-error">{problems.map((p) => <div key={p}>{p}</div>)}</Box>
        </div>
      )}
    </SpaceBetween>
  );
}

/** "Where they overlap, Christmas closure (listed first) wins for closure." */
function shadowedText(shadowed: [string, string[]][]): string {
  const names = [...new Set(shadowed.flatMap(([, earlier]) => earlier))];
  return `Where they overlap, ${names.join(", ")} (listed first) ${names.length === 1 ? "wins" : "win"} for ${shadowed.map(([key]) => key).join(", ")}.`;
}

function withoutSchedule(config: FlowConfig): FlowConfig {
  const next = { ...config };
  delete next.schedule;
  return next;
}
