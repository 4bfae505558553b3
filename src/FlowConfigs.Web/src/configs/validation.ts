import type { FlowConfig } from "../api/types";

// The server's rules (DESIGN.md "Data model"), checked as the user types. The server stays the judge: its problem
// details are shown the same way, keyed by the same field paths.

export type FieldErrors = Record<string, string>;

const namePattern = /^[A-Za-z0-9+\-_.]{1,128}$/;
const idPattern = /^[A-Za-z0-9+\-_.:/@]{1,128}$/;
const languagePattern = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const numberPattern = /^-?\d+(\.\d+)?$/;
const reservedIds = new Set(["application-settings", "preview", "export", "import"]);
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
// Text-direction overrides and isolates, and zero-width characters: text that displays differently from what it holds.
const deceptiveCharacter = /[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF]/;

export function validateId(id: string): string | undefined {
  if (!idPattern.test(id)) return "Use 1 to 128 letters, digits and + - _ . : / @.";
  if (id.startsWith("/") || id.endsWith("/")) return "An id must not start or end with '/'.";
  if (id.includes("//")) return "An id must not contain '//'.";
  if (id.split("/").some((segment) => segment === "." || segment === "..")) return "An id must not contain a '.' or '..' segment.";
  if (reservedIds.has(id)) return `'${id}' is reserved.`;
  return undefined;
}

export function validateName(name: string): string | undefined {
  return namePattern.test(name) ? undefined : "Use 1 to 128 letters, digits and + - _ .";
}

export function validateDescription(description: string): string | undefined {
  if (description.trim().length === 0 || description.length > 1024) return "A description of 1 to 1,024 characters is required.";
  if (controlCharacter.test(description)) return "A description must not contain control characters.";
  const deceptive = deceptiveCharacter.exec(description);
  if (deceptive) {
    const codePoint = `U+${deceptive[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return `A description must not contain ${codePoint}: it makes the text display differently from what it holds.`;
  }
  return undefined;
}

export function validateLanguage(code: string): string | undefined {
  return languagePattern.test(code) ? undefined : "Use a language code such as en-US, es-US, arb or cmn-CN.";
}

export function isNumber(value: string): boolean {
  return numberPattern.test(value);
}

export function validateSsml(voice: string): string | undefined {
  const trimmed = voice.trimStart();
  if (!/^<[A-Za-z!?]/.test(trimmed)) return undefined;
  const parsed = new DOMParser().parseFromString(trimmed, "application/xml");
  if (parsed.getElementsByTagName("parsererror").length > 0) return "The SSML is not well-formed.";
  if (parsed.documentElement.nodeName !== "speak") return "SSML must have <speak> as its root element.";
  return undefined;
}

export function validateConfig(config: FlowConfig): FieldErrors {
  const errors: FieldErrors = {};
  const idProblem = validateId(config.id);
  if (idProblem) errors.id = idProblem;
  const descriptionProblem = validateDescription(config.description);
  if (descriptionProblem) errors.description = descriptionProblem;

  for (const [name, value] of Object.entries(config.variables)) {
    const path = `variables.${name}`;
    const nameProblem = validateName(name);
    if (nameProblem) {
      errors[path] = nameProblem;
      continue;
    }
    const rule = config.schema?.[name];
    if (rule?.type === "number" && !isNumber(value)) errors[path] = "Enter a number such as 600 or -2.5.";
    if (rule?.type === "boolean" && value !== "true" && value !== "false") errors[path] = "Choose true or false.";
    if (rule?.type === "select" && !(rule.options ?? []).includes(value)) errors[path] = "Choose one of the options.";
  }
  for (const [name, rule] of Object.entries(config.schema ?? {})) {
    if (!(name in config.variables)) errors[`schema.${name}`] = `'${name}' is not a variable.`;
    if (rule.type === "select" && (rule.options ?? []).length === 0) errors[`schema.${name}.options`] = "A select needs at least one option.";
    if (rule.type === "select" && new Set(rule.options).size !== (rule.options ?? []).length)
      errors[`schema.${name}.options`] = "Options must be different from each other.";
  }
  for (const [name, languages] of Object.entries(config.prompts)) {
    const path = `prompts.${name}`;
    const nameProblem = validateName(name) ?? (name in config.variables ? `'${name}' is already a variable.` : undefined);
    if (nameProblem) errors[path] = nameProblem;
    if (Object.keys(languages).length === 0) errors[path] = "A prompt needs at least one language.";
    for (const [language, text] of Object.entries(languages)) {
      const languagePath = `${path}.${language}`;
      const languageProblem = validateLanguage(language);
      if (languageProblem) errors[languagePath] = languageProblem;
      else if (text.voice.trim().length === 0) errors[`${languagePath}.voice`] = "Voice text is required.";
      else {
        const ssmlProblem = validateSsml(text.voice);
        if (ssmlProblem) errors[`${languagePath}.voice`] = ssmlProblem;
      }
    }
  }
  return errors;
}

/** The UTF-8 size of a resolved map, as Connect counts it against its 32 KB limit. */
export function resolvedSize(map: Record<string, string>): number {
  return new TextEncoder().encode(JSON.stringify(map)).length;
}

export const maxResolvedBytes = 32 * 1024;
