import DatePicker from "@cloudscape-design/components/date-picker";
import FormField from "@cloudscape-design/components/form-field";
import TimeInput from "@cloudscape-design/components/time-input";
import type { LocalFieldProblems, LocalFields } from "./localTime";
import "./schedules.css";

interface Props {
  /** "Start", "End", "Preview at": the zone is added to it, since the time means nothing without it. */
  label: string;
  zone: string;
  value: LocalFields;
  problems?: LocalFieldProblems;
  description?: string;
  disabled?: boolean;
  onChange(next: LocalFields): void;
  onBlur?(): void;
}

/** A wall-clock date and time in a named zone: a date picker and a 24-hour time side by side (stacked when narrow). */
export function LocalDateTimeField({ label, zone, value, problems = {}, description, disabled, onChange, onBlur }: Props) {
  return (
    <div className="local-date-time">
      <FormField label={`${label} date (${zone})`} description={description} errorText={problems.date}>
        <DatePicker value={value.date} placeholder="YYYY/MM/DD" disabled={disabled} onBlur={onBlur}
          openCalendarAriaLabel={(selected) => `Choose the ${label.toLowerCase()} date${selected ? `, selected ${selected}` : ""}`}
          onChange={({ detail }) => onChange({ ...value, date: detail.value })} />
      </FormField>
      <FormField label={`${label} time (${zone})`} constraintText="24-hour, HH:MM" errorText={problems.time}>
        <TimeInput value={value.time} format={value.time.length > 5 ? "hh:mm:ss" : "hh:mm"} placeholder="hh:mm" use24Hour disabled={disabled} onBlur={onBlur}
          onChange={({ detail }) => onChange({ ...value, time: detail.value })} />
      </FormField>
    </div>
  );
}
