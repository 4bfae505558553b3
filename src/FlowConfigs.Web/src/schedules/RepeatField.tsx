import Checkbox from "@cloudscape-design/components/checkbox";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { describeRepeat, monthNames, repeatOfKind, weekdayNames, weekdays, type Repeat, type RepeatKind } from "./repeatRule";

interface Props {
  repeat: Repeat;
  /** The window's start, yyyy-MM-dd...: weekly, monthly and yearly repeats take their day from it. */
  start: string | undefined;
  problem?: string;
  disabled?: boolean;
  onChange(next: Repeat): void;
}

/** How a window repeats, chosen in words; a custom RRULE for what the words do not cover. */
export function RepeatField({ repeat, start, problem, disabled, onChange }: Props) {
  const options = kindOptions(start, repeat);
  const selected = options.find((o) => o.value === repeat.kind) ?? options[0];
  return (
    <SpaceBetween size="s">
      <FormField label="Repeats" description={repeat.kind === "none" ? undefined : `Shown as: ${describeRepeat(repeat)}. Each time keeps the start's time and length.`}
        errorText={repeat.kind === "weekly" || repeat.kind === "custom" ? undefined : problem}>
        <Select selectedOption={selected} options={options} disabled={disabled}
          onChange={({ detail }) => onChange(repeatOfKind(detail.selectedOption.value as RepeatKind, start, repeat))} />
      </FormField>
      {repeat.kind === "weekly" && (
        <FormField label="On" errorText={problem}>
          <div className="local-date-time" role="group" aria-label="Days of the week">
            {weekdays.map((day) => (
              <Checkbox key={day} checked={repeat.days.includes(day)} disabled={disabled}
                onChange={({ detail }) => onChange({ kind: "weekly", days: detail.checked ? [...repeat.days, day] : repeat.days.filter((d) => d !== day) })}>
                {weekdayNames[day]}
              </Checkbox>
            ))}
          </div>
        </FormField>
      )}
      {repeat.kind === "custom" && (
        <FormField label="Custom rule (RRULE)" errorText={problem}
          description="An iCalendar RRULE value, for what the choices above do not cover, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=MO for every other Monday.">
          <Input value={repeat.rule} disabled={disabled} placeholder="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
            onChange={({ detail }) => onChange({ kind: "custom", rule: detail.value })} />
        </FormField>
      )}
    </SpaceBetween>
  );
}

/** The choices, each naming the day it would use: the current rule's, else the start's. */
function kindOptions(start: string | undefined, current: Repeat): { value: RepeatKind; label: string }[] {
  const pick = <K extends RepeatKind>(kind: K) => (current.kind === kind ? current : repeatOfKind(kind, start, current)) as Extract<Repeat, { kind: K }>;
  const weekly = pick("weekly");
  const monthly = pick("monthly");
  const yearly = pick("yearly");
  return [
    { value: "none", label: "Does not repeat" },
    { value: "daily", label: "Every day" },
    { value: "weekly", label: weekly.days.length === 1 ? `Every week on ${weekdayNames[weekly.days[0]]}` : "Every week on the days below" },
    { value: "monthly", label: `Every month on day ${monthly.day}` },
    { value: "yearly", label: `Every year on ${yearly.day} ${monthNames[yearly.month - 1]}` },
    { value: "custom", label: "Custom RRULE (advanced)" },
  ];
}
