import { useState } from "react";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import DatePicker from "@cloudscape-design/components/date-picker";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Select, { type SelectProps } from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { auditActions, auditFormProblems, type AuditForm } from "./auditFilters";

const anyAction = { value: "", label: "Any action" };
const actionOptions: SelectProps.Options = [anyAction, ...auditActions];

interface Props {
  form: AuditForm;
  onChange(next: AuditForm): void;
  onSearch(form: AuditForm): void;
  onClear(): void;
  /** What the gateway said about a filter it refused (from, to). */
  serverProblems?: Partial<Record<keyof AuditForm, string>>;
}

/** The audit's filters; dates are whole days in the browser's time zone, both ends included. */
export function AuditFilterForm({ form, onChange, onSearch, onClear, serverProblems = {} }: Props) {
  const [attempted, setAttempted] = useState(false);
  const problems = { ...serverProblems, ...(attempted ? auditFormProblems(form) : {}) };
  const set = (field: keyof AuditForm, value: string) => onChange({ ...form, [field]: value });
  const submit = () => {
    setAttempted(true);
    if (Object.keys(auditFormProblems(form)).length === 0) onSearch(form);
  };
  const selected = auditActions.flatMap((g) => g.options).find((o) => o.value === form.action) ?? anyAction;
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Container header={<Header variant="h2">Filters</Header>}>
        <Form actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" onClick={() => { setAttempted(false); onClear(); }}>Clear filters</Button>
            <Button variant="primary" formAction="submit">Search</Button>
          </SpaceBetween>
        }>
          <ColumnLayout columns={3}>
            <FormField label="Config id" description="The exact id; calendars and settings by theirs too." errorText={problems.id}>
              <Input value={form.id} onChange={({ detail }) => set("id", detail.value)} placeholder="queue/billing" />
            </FormField>
            <FormField label="User" description="Who made the change." errorText={problems.user}>
              <Input value={form.user} onChange={({ detail }) => set("user", detail.value)} />
            </FormField>
            <FormField label="Action" errorText={problems.action}>
              <Select selectedOption={selected} options={actionOptions} filteringType="auto" onChange={({ detail }) => set("action", detail.selectedOption.value ?? "")} />
            </FormField>
            <FormField label="From date" description="From the start of this day, your time." errorText={problems.from}>
              <DatePicker value={form.from} placeholder="YYYY/MM/DD" openCalendarAriaLabel={(d) => `Choose the from date${d ? `, selected ${d}` : ""}`}
                onChange={({ detail }) => set("from", detail.value)} />
            </FormField>
            <FormField label="To date" description="Up to the end of this day, your time." errorText={problems.to}>
              <DatePicker value={form.to} placeholder="YYYY/MM/DD" openCalendarAriaLabel={(d) => `Choose the to date${d ? `, selected ${d}` : ""}`}
                onChange={({ detail }) => set("to", detail.value)} />
            </FormField>
          </ColumnLayout>
        </Form>
      </Container>
    </form>
  );
}
