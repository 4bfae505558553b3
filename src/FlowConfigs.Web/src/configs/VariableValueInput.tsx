import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import Toggle from "@cloudscape-design/components/toggle";
import type { VariableSchema } from "../api/types";
import "./VariablesEditor.css";

interface Props {
  rule?: VariableSchema;
  value: string;
  disabled?: boolean;
  /** Names the control where no form field label does (a schedule entry's override). */
  ariaLabel?: string;
  onChange(value: string): void;
}

/** A variable's value as its schema types it: a switch, a choice of options, a number or text. */
export function VariableValueInput({ rule, value, disabled = false, ariaLabel, onChange }: Props) {
  const type = rule?.type ?? "text";
  if (type === "boolean")
    // The switch is named by the field's label alone and says its state itself; the value beside it is for the eye (a
    // screen reader would otherwise hear "false closure").
    return (
      <div className="toggle-with-value">
        <Toggle checked={value === "true"} disabled={disabled} ariaLabel={ariaLabel} onChange={({ detail }) => onChange(String(detail.checked))} />
        <span aria-hidden="true">{value === "true" ? "true" : "false"}</span>
      </div>
    );
  if (type === "select")
    return (
      <Select
        selectedOption={{ value, label: value }}
        options={(rule?.options ?? []).map((o) => ({ value: o, label: o }))}
        disabled={disabled}
        ariaLabel={ariaLabel}
        onChange={({ detail }) => onChange(detail.selectedOption.value ?? "")}
      />
    );
  return (
    <Input
      value={value}
      inputMode={type === "number" ? "decimal" : undefined}
      disabled={disabled}
      ariaLabel={ariaLabel}
      onChange={({ detail }) => {
        // A number field refuses what could never become a number.
        if (type === "number" && !/^-?\d*\.?\d*$/.test(detail.value)) return;
        onChange(detail.value);
      }}
    />
  );
}
