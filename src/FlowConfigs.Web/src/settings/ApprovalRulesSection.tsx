import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Grid from "@cloudscape-design/components/grid";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { ApprovalRule } from "../api/types";
import type { SettingsErrors } from "./settingsForm";

export const maxApprovers = 5;
// Pattern, approvals and the row's buttons side by side from a small window up; one under the other on a phone.
const rowColumns = [{ colspan: { default: 12, s: 5 } }, { colspan: { default: 12, s: 3 } }, { colspan: { default: 12, s: 4 } }];
const approverOptions = Array.from({ length: maxApprovers }, (_, i) => ({ value: String(i + 1), label: i === 0 ? "1 approver" : `${i + 1} approvers` }));

interface Props {
  rules: ApprovalRule[];
  readOnly: boolean;
  errors: SettingsErrors;
  touch(field: string): void;
  /** A rule changed: `field` is its path (approvals[0].pattern), whose gateway message no longer applies. */
  onChange(field: string, rules: ApprovalRule[]): void;
  /** Rows were added, removed or reordered: every rule message and touch moves, so the page drops them. */
  onReorder(rules: ApprovalRule[]): void;
}

/** Which configs need approval before a change goes live: ordered rules, the first whose pattern matches an id decides. */
export function ApprovalRulesSection({ rules, readOnly, errors, touch, onChange, onReorder }: Props) {
  const set = (index: number, field: keyof ApprovalRule, rule: ApprovalRule) =>
    onChange(`approvals[${index}].${field}`, rules.map((r, i) => (i === index ? rule : r)));
  const move = (index: number, delta: -1 | 1) => {
    const next = [...rules];
    [next[index], next[index + delta]] = [next[index + delta], next[index]];
    onReorder(next);
  };
  return (
    <Container
      header={
        <Header variant="h2"
          description="Changes to a config whose id matches a rule go live only after that many people, other than those who wrote the change and each with Full access on it, approve them. The first matching rule counts; configs no rule matches need no approval."
          actions={readOnly ? undefined : <Button formAction="none" onClick={() => onReorder([...rules, { pattern: "", approvers: 1 }])}>Add rule</Button>}>
          Approval rules
        </Header>
      }>
      <SpaceBetween size="l">
        {rules.length === 0 && <Box>No rules: every change goes live when it is saved.</Box>}
        {errors.approvals && <Box color="text-status-error">{errors.approvals}</Box>}
        {rules.map((rule, index) => {
          const n = index + 1;
          const path = `approvals[${index}]`;
          return (
            <Grid key={index} gridDefinition={readOnly ? [{ colspan: { default: 12, s: 8 } }, { colspan: { default: 12, s: 4 } }] : rowColumns}>
              <FormField label={`Pattern of rule ${n}`} description="* matches any characters, / included, e.g. queue/*" errorText={errors[`${path}.pattern`]}>
                <Input value={rule.pattern} readOnly={readOnly} onBlur={() => touch(`${path}.pattern`)} placeholder="queue/*"
                  onChange={({ detail }) => set(index, "pattern", { ...rule, pattern: detail.value })} />
              </FormField>
              <FormField label={`Approvals rule ${n} needs`} errorText={errors[`${path}.approvers`]}>
                <Select readOnly={readOnly}
                  selectedOption={approverOptions.find((o) => o.value === String(rule.approvers)) ?? null}
                  placeholder="Choose how many"
                  options={approverOptions}
                  onChange={({ detail }) => set(index, "approvers", { ...rule, approvers: Number(detail.selectedOption.value) })} />
              </FormField>
              {!readOnly && (
                // Level with the fields beside it: the top padding stands in for a label (these buttons carry their own).
                <Box padding={{ top: "xl" }}>
                  <SpaceBetween direction="horizontal" size="xs">
                    <Button formAction="none" iconName="angle-up" ariaLabel={`Move rule ${n} up`} disabled={index === 0} onClick={() => move(index, -1)} />
                    <Button formAction="none" iconName="angle-down" ariaLabel={`Move rule ${n} down`} disabled={index === rules.length - 1} onClick={() => move(index, 1)} />
                    <Button formAction="none" ariaLabel={`Remove rule ${n}`} onClick={() => onReorder(rules.filter((_, i) => i !== index))}>Remove</Button>
                  </SpaceBetween>
                </Box>
              )}
            </Grid>
          );
        })}
      </SpaceBetween>
    </Container>
  );
}
