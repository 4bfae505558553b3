import { useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { FlowConfig, Locale, PromptText } from "../api/types";
import { LanguageEditor } from "../configs/PromptsEditor";
import type { FieldErrors } from "../configs/validation";
import { VariableValueInput } from "../configs/VariableValueInput";
import "./schedules.css";

interface Props {
  config: FlowConfig;
  locales: Locale[];
  entryName: string;
  variables: Record<string, string>;
  prompts: Record<string, Record<string, PromptText>>;
  /** Keyed inside the entry: variables.closure, prompts.welcome.en-US.voice. */
  errors: FieldErrors;
  disabled?: boolean;
  onChange(next: { variables: Record<string, string>; prompts: Record<string, Record<string, PromptText>> }): void;
}

/**
 * What an entry changes while it applies: some of the config's variables (each with the control its type uses) and
 * some prompt languages (voice and chat text). Everything else keeps the config's own value.
 */
export function OverridesFields({ config, locales, entryName, variables, prompts, errors, disabled, onChange }: Props) {
  const [variable, setVariable] = useState("");
  const [prompt, setPrompt] = useState("");
  const [language, setLanguage] = useState("");
  const label = entryName.trim() || "this entry";

  const setVariables = (next: Record<string, string>) => onChange({ variables: next, prompts });
  const setPrompts = (next: Record<string, Record<string, PromptText>>) => onChange({ variables, prompts: next });
  const withoutVariable = (name: string) => Object.fromEntries(Object.entries(variables).filter(([n]) => n !== name));
  const withoutLanguage = (name: string, code: string) => {
    const rest = Object.fromEntries(Object.entries(prompts[name]).filter(([l]) => l !== code));
    const next = { ...prompts, [name]: rest };
    if (Object.keys(rest).length === 0) delete next[name];
    return next;
  };

  const variableChoices = Object.keys(config.variables).filter((n) => !(n in variables)).map((n) => ({ value: n, label: n, description: `now ${config.variables[n] || "(empty)"}` }));
  const promptChoices = Object.keys(config.prompts).map((n) => ({ value: n, label: n }));
  const languageCodes = prompt ? [...new Set([...Object.keys(config.prompts[prompt] ?? {}), ...locales.map((l) => l.code)])].filter((code) => !(code in (prompts[prompt] ?? {}))) : [];
  const languageChoices = languageCodes.map((code) => ({ value: code, label: locales.find((l) => l.code === code) ? `${locales.find((l) => l.code === code)!.name} (${code})` : code }));
  const overridden = Object.entries(prompts).flatMap(([name, languages]) => Object.entries(languages).map(([code, text]) => ({ name, code, text })));

  return (
    <SpaceBetween size="l">
      <SpaceBetween size="s">
        <Header variant="h3" description="The values these variables take while the entry applies.">Variables it changes</Header>
        {Object.keys(variables).length === 0 && <Box color="text-status-inactive">None.</Box>}
        {Object.entries(variables).map(([name, value]) => (
          <FormField key={name} label={`${name} during ${label}`} errorText={errors[`variables.${name}`]}
            description={`Otherwise ${config.variables[name] ?? "(not a variable of this config)"}`}
            secondaryControl={disabled ? undefined : <Button onClick={() => setVariables(withoutVariable(name))} ariaLabel={`Remove ${name} from this entry`}>Remove</Button>}>
            <VariableValueInput rule={config.schema?.[name]} value={value} disabled={disabled} onChange={(next) => setVariables({ ...variables, [name]: next })} />
          </FormField>
        ))}
        {!disabled && (
          <FormField label="Change a variable">
            <div className="local-date-time">
              <Select selectedOption={variable ? { value: variable, label: variable } : null} options={variableChoices} placeholder="Choose a variable"
                empty="Every variable is already in this entry" filteringType={variableChoices.length > 8 ? "auto" : "none"}
                onChange={({ detail }) => setVariable(detail.selectedOption.value ?? "")} />
              <Button disabled={!variable} onClick={() => { setVariables({ ...variables, [variable]: config.variables[variable] ?? "" }); setVariable(""); }}>Add variable</Button>
            </div>
          </FormField>
        )}
      </SpaceBetween>
      <SpaceBetween size="s">
        <Header variant="h3" description="The texts these prompt languages say while the entry applies; other languages keep theirs.">Prompts it changes</Header>
        {overridden.length === 0 && <Box color="text-status-inactive">None.</Box>}
        {Object.keys(prompts).filter((name) => errors[`prompts.${name}`]).map((name) => (
          <FormField key={name} label={`Prompt ${name}`} errorText={errors[`prompts.${name}`]} />
        ))}
        {overridden.map(({ name, code, text }) => (
          <LanguageEditor key={`${name} ${code}`} name={name} language={code} text={text} locale={locales.find((l) => l.code === code)} expanded
            canEditValues={!disabled} canRemove={!disabled} errors={errors} removeText="Remove" removeAriaLabel={`Remove ${name} ${code} from this entry`}
            onChange={(next) => setPrompts({ ...prompts, [name]: { ...prompts[name], [code]: next } })}
            onRemove={() => setPrompts(withoutLanguage(name, code))} />
        ))}
        {!disabled && (
          <FormField label="Change a prompt">
            <div className="local-date-time">
              <Select selectedOption={prompt ? { value: prompt, label: prompt } : null} options={promptChoices} placeholder="Choose a prompt"
                empty="This config has no prompts" onChange={({ detail }) => { setPrompt(detail.selectedOption.value ?? ""); setLanguage(""); }} />
              <Select selectedOption={language ? languageChoices.find((l) => l.value === language) ?? { value: language, label: language } : null} options={languageChoices}
                placeholder="Choose a language" disabled={!prompt} empty="Every language is already in this entry" ariaLabel="Language of the prompt"
                onChange={({ detail }) => setLanguage(detail.selectedOption.value ?? "")} />
              <Button disabled={!prompt || !language} onClick={() => {
                // Starts from the config's own text, which is usually close to what the entry should say.
                const base = config.prompts[prompt]?.[language] ?? { voice: "" };
                setPrompts({ ...prompts, [prompt]: { ...(prompts[prompt] ?? {}), [language]: { ...base } } });
                setLanguage("");
              }}>Add prompt</Button>
            </div>
          </FormField>
        )}
      </SpaceBetween>
    </SpaceBetween>
  );
}
