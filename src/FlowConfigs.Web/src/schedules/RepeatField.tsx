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

/** The choices, each naming the day it would use (the start's, or the current rule's). */
function kindOptions(start: string | undefined, current: Repeat): { value: RepeatKind; label: string }[] {
  const monthly = current.kind === "monthly" ? current : repeatOfKind("monthly", start, current);
  const yearly = current.kind === "yearly" ? current : repeatOfKind("yearly", start, current);
  const weekly = current.kind === "weekly" ? current : repeatOfKind("weekly", start, current);
  const hasStart = /^\d{4}-\d{2}-\d{2}/.test(start ?? "");
  return [
    { value: "none", label: "Does not repeat" },
    { value: "daily", label: "Every day" },
    { value: "weekly", label: hasStart || current.kind === "weekly" ? `Every week on ${weekly.kind === "weekly" ? describeRepeat(weekly).replace(/^every /, "") : ""}` : "Every week" },
    { value: "monthly", label: hasStart || current.kind === "monthly" ? `Every month on day ${monthly.kind === "monthly" ? monthly.day : ""}` : "Every month" },
    { value: "yearly", label: hasStart || current.kind === "yearly" ? `Every year on ${yearly.kind === "yearly" ? `${yearly.day} ${monthNames[yearly.month - 1]}` : ""}` : "Every year" },
    { value: "custom", label: "Custom RRULE (advanced)" },
  ];
}
