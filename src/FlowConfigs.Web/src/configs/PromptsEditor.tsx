import { useEffect, useRef, useState } from "react";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import type { FlowConfig, Locale, PromptText } from "../api/types";
import { PlayButton } from "./PlayButton";
import type { FieldErrors } from "./validation";
import { validateLanguage, validateName } from "./validation";

interface Props {
  config: FlowConfig;
  locales: Locale[];
  canEditValues: boolean;
  canEditStructure: boolean;
  errors: FieldErrors;
  onChange(next: FlowConfig): void;
  /** A prompt (and language) a link asked for: it scrolls into view and takes focus once. */
  focus?: PromptFocus;
}

export interface PromptFocus {
  prompt: string;
  language?: string;
}

/**
 * Prompts by language: voice text (plain or SSML) and an optional chat text. Edit users change texts and add
 * languages; Full users also add or remove prompts and remove languages.
 */
export function PromptsEditor({ config, locales, canEditValues, canEditStructure, errors, onChange, focus }: Props) {
  const [newPrompt, setNewPrompt] = useState("");
  const sections = useRef(new Map<string, HTMLDivElement>());
  useEffect(() => {
    const section = focus && sections.current.get(focus.prompt);
    if (!section) return;
    section.scrollIntoView({ block: "center" });
    // The language's text when the prompt has it; else adding it (the language chosen already); else the prompt itself.
    const language = [...section.querySelectorAll<HTMLElement>("[data-language]")]
      .find((element) => element.dataset.language === focus.language)?.querySelector<HTMLElement>("textarea");
    const adding = [...section.querySelectorAll<HTMLElement>("[data-add-language] button:not([disabled])")].pop();
    (language ?? adding ?? section).focus({ preventScroll: true });
    // Only on arriving: the config loading or changing later must not pull the page back here.
  }, [focus?.prompt, focus?.language]);
  const setPrompt = (name: string, languages: Record<string, PromptText>) => onChange({ ...config, prompts: { ...config.prompts, [name]: languages } });
  const removePrompt = (name: string) => {
    const prompts = { ...config.prompts };
    delete prompts[name];
    onChange({ ...config, prompts });
  };
  const firstLocale = locales[0]?.code ?? "en-US";
  const newPromptProblem = newPrompt === "" ? undefined
    : validateName(newPrompt) ?? (newPrompt in config.prompts || newPrompt in config.variables ? "That name is taken." : undefined);

  return (
    <Container header={<Header variant="h2" description="Voice contacts hear the voice text (SSML allowed); chat, task and email contacts read the chat text, or the voice text without markup.">Prompts</Header>}>
      <SpaceBetween size="l">
        {Object.entries(config.prompts).map(([name, languages]) => (
          <div key={name} tabIndex={focus?.prompt === name ? -1 : undefined} ref={(element) => { if (element) sections.current.set(name, element); else sections.current.delete(name); }}>
          <ExpandableSection defaultExpanded variant="container" headerText={name}
            headerActions={canEditStructure ? <Button onClick={() => removePrompt(name)} ariaLabel={`Remove prompt ${name}`}>Remove prompt</Button> : undefined}>
            <SpaceBetween size="m">
              {errors[`prompts.${name}`] && <FormField errorText={errors[`prompts.${name}`]} />}
              {Object.entries(languages).map(([language, text], index) => (
                <div key={language} data-language={language}>
                <LanguageEditor name={name} language={language} text={text} locale={locales.find((l) => l.code === language)}
                  expanded={language === firstLocale || (index === 0 && !(firstLocale in languages)) || (focus?.prompt === name && focus.language === language)} canEditValues={canEditValues} canRemove={canEditStructure} errors={errors}
                  onChange={(next) => setPrompt(name, { ...languages, [language]: next })}
                  onRemove={() => {
                    const rest = { ...languages };
                    delete rest[language];
                    setPrompt(name, rest);
                  }} />
                </div>
              ))}
              {canEditValues && (
                <div data-add-language>
                  <AddLanguage existing={Object.keys(languages)} locales={locales} promptName={name}
                    suggested={focus?.prompt === name && focus.language && !(focus.language in languages) ? focus.language : undefined}
                    onAdd={(code) => setPrompt(name, { ...languages, [code]: { voice: "" } })} />
                </div>
              )}
            </SpaceBetween>
          </ExpandableSection>
          </div>
        ))}
        {canEditStructure && (
          <FormField label="New prompt name" errorText={newPromptProblem}>
            <SpaceBetween direction="horizontal" size="xs">
              <Input value={newPrompt} onChange={({ detail }) => setNewPrompt(detail.value)} placeholder="e.g. greeting" />
              <Button disabled={!newPrompt || !!newPromptProblem}
                onClick={() => { setPrompt(newPrompt, { [firstLocale]: { voice: "" } }); setNewPrompt(""); }}>Add prompt</Button>
            </SpaceBetween>
          </FormField>
        )}
      </SpaceBetween>
    </Container>
  );
}

/**
 * One language of a prompt: its voice text (with a play button) and chat text. Errors are keyed like the config's
 * (prompts.<name>.<language>.voice); a schedule entry's override uses the same paths inside the entry.
 */
export function LanguageEditor(props: {
  name: string; language: string; text: PromptText; locale?: Locale; expanded: boolean; canEditValues: boolean; canRemove: boolean;
  errors: FieldErrors; onChange(next: PromptText): void; onRemove(): void;
  /** What the remove button says; removing a language from a prompt by default. */
  removeText?: string; removeAriaLabel?: string;
}) {
  const { name, language, text, locale, expanded, canEditValues, canRemove, errors, onChange, onRemove } = props;
  const path = `prompts.${name}.${language}`;
  const problem = errors[path] ?? errors[`${path}.voice`] ?? errors[`${path}.chat`];
  // One section per language, folded except the first: a prompt in five languages stays one screen tall. A language
  // with no text yet starts open, and one with a problem opens by itself; typing never folds a section.
  const [open, setOpen] = useState(expanded || text.voice === "");
  useEffect(() => { if (problem) setOpen(true); }, [problem]);
  return (
    <ExpandableSection headerText={locale ? `${locale.name} (${language})` : language} expanded={open} onChange={({ detail }) => setOpen(detail.expanded)}
      headingTagOverride="h4" headerDescription={open ? undefined : summary(text.voice)}>
      <SpaceBetween size="xs">
        <SpaceBetween direction="horizontal" size="xs">
          <PlayButton text={text.voice} languageCode={language} voiceId={locale?.voices[0]} label={`Play ${name} ${language}`} />
          {canRemove && <Button onClick={onRemove} ariaLabel={props.removeAriaLabel ?? `Remove language ${language} from ${name}`}>{props.removeText ?? "Remove language"}</Button>}
        </SpaceBetween>
        {errors[path] && <FormField errorText={errors[path]} />}
        <FormField label={`Voice text, ${name} ${language}`} errorText={errors[`${path}.voice`]} stretch>
          <Textarea value={text.voice} disabled={!canEditValues} rows={2} onChange={({ detail }) => onChange({ ...text, voice: detail.value })} />
        </FormField>
        <FormField label={`Chat text, ${name} ${language}`} description="Optional; leave empty to use the voice text without markup." errorText={errors[`${path}.chat`]} stretch>
          <Textarea value={text.chat ?? ""} disabled={!canEditValues} rows={2}
            onChange={({ detail }) => onChange(detail.value === "" ? { voice: text.voice } : { ...text, chat: detail.value })} />
        </FormField>
      </SpaceBetween>
    </ExpandableSection>
  );
}

/** The start of a text, for a folded section's header. */
function summary(voice: string): string {
  const plain = voice.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
}

function AddLanguage({ existing, locales, promptName, suggested, onAdd }: {
  existing: string[]; locales: Locale[]; promptName: string; suggested?: string; onAdd(code: string): void;
}) {
  // A language callers asked for and the prompt lacks (a link from the usage) comes chosen already.
  const [code, setCode] = useState(suggested ?? "");
  const choices = locales.filter((l) => !existing.includes(l.code)).map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }));
  const problem = code === "" ? undefined : validateLanguage(code) ?? (existing.includes(code) ? "Already there." : undefined);
  return (
    <FormField label={`Add a language to ${promptName}`} errorText={problem}>
      <SpaceBetween direction="horizontal" size="xs">
        <Select selectedOption={code ? { value: code, label: code } : null} options={choices} placeholder="Choose a locale" onChange={({ detail }) => setCode(detail.selectedOption.value ?? "")} />
        <Button disabled={!code || !!problem} onClick={() => { onAdd(code); setCode(""); }}>Add language</Button>
      </SpaceBetween>
    </FormField>
  );
}
