import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useState } from "react";
import type { FlowConfig, VariableType } from "../api/types";
import { CommaListInput } from "./CommaListInput";
import { VariableValueInput } from "./VariableValueInput";
import type { FieldErrors } from "./validation";
import { validateName } from "./validation";

interface Props {
  config: FlowConfig;
  canEditValues: boolean;
  canEditStructure: boolean;
  errors: FieldErrors;
  onChange(next: FlowConfig): void;
}

const typeOptions = (["text", "number", "boolean", "select"] as VariableType[]).map((t) => ({ value: t, label: t }));

/** Variables as typed inputs from the schema; Full users also add, remove and retype them. */
export function VariablesEditor({ config, canEditValues, canEditStructure, errors, onChange }: Props) {
  const [newName, setNewName] = useState("");
  const setValue = (name: string, value: string) => onChange({ ...config, variables: { ...config.variables, [name]: value } });
  const setType = (name: string, type: VariableType) => {
    const schema = { ...(config.schema ?? {}) };
    if (type === "text") delete schema[name];
    else schema[name] = type === "select" ? { type, options: [config.variables[name] || "option"] } : { type };
    const value = type === "boolean" ? "false" : type === "number" && !/^-?\d+(\.\d+)?$/.test(config.variables[name]) ? "0" : config.variables[name];
    onChange({ ...config, schema, variables: { ...config.variables, [name]: type === "select" ? schema[name].options![0] : value } });
  };
  // A value that is no longer an option follows the list to its first option rather than being left invalid.
  const setOptions = (name: string, options: string[]) => {
    const value = options.includes(config.variables[name]) ? config.variables[name] : options[0] ?? "";
    onChange({ ...config, schema: { ...(config.schema ?? {}), [name]: { type: "select", options } }, variables: { ...config.variables, [name]: value } });
  };
  const remove = (name: string) => {
    const variables = { ...config.variables };
    const schema = { ...(config.schema ?? {}) };
    delete variables[name];
    delete schema[name];
    onChange({ ...config, variables, schema });
  };
  const add = () => {
    if (validateName(newName) || newName in config.variables || newName in config.prompts) return;
    onChange({ ...config, variables: { ...config.variables, [newName]: "" } });
    setNewName("");
  };
  const addProblem = newName === "" ? undefined : validateName(newName) ?? (newName in config.variables || newName in config.prompts ? "That name is taken." : undefined);

  return (
    <Container header={<Header variant="h2" description="Flow designers read these as $.External.<name>.">Variables</Header>}>
      <SpaceBetween size="l">
        {Object.entries(config.variables).map(([name, value]) => {
          const rule = config.schema?.[name];
          const type = rule?.type ?? "text";
          const error = errors[`variables.${name}`] ?? errors[`schema.${name}`] ?? errors[`schema.${name}.options`];
          return (
            <ColumnLayout key={name} columns={canEditStructure ? 3 : 1}>
              <FormField label={name} errorText={error} stretch>
                <VariableValueInput rule={rule} value={value} disabled={!canEditValues} onChange={(next) => setValue(name, next)} />
              </FormField>
              {canEditStructure && (
                <FormField label={`Type of ${name}`}>
                  <Select selectedOption={{ value: type, label: type }} options={typeOptions}
                    onChange={({ detail }) => setType(name, detail.selectedOption.value as VariableType)} />
                </FormField>
              )}
              {canEditStructure && (
                <SpaceBetween size="xs">
                  {type === "select" && (
                    <FormField label={`Options of ${name}`} description="Comma-separated">
                      <CommaListInput items={rule?.options ?? []} onChange={(options) => setOptions(name, options)} />
                    </FormField>
                  )}
                  <Button variant="normal" onClick={() => remove(name)} ariaLabel={`Remove variable ${name}`}>Remove</Button>
                </SpaceBetween>
              )}
            </ColumnLayout>
          );
        })}
        {canEditStructure && (
          <FormField label="New variable name" errorText={addProblem}>
            <SpaceBetween direction="horizontal" size="xs">
              <Input value={newName} onChange={({ detail }) => setNewName(detail.value)} placeholder="e.g. maxWaitTime" />
              <Button onClick={add} disabled={!newName || !!addProblem}>Add variable</Button>
            </SpaceBetween>
          </FormField>
        )}
      </SpaceBetween>
    </Container>
  );
}
