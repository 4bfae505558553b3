import type { FlowConfig, PromptText, VariableSchema } from "../api/types";

// The server's rules for ids, names, languages, values and SSML, checked as the user types. The server stays the
// judge: its problem details are shown the same way, keyed by the same field paths.

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

// The SSML Amazon Connect speaks through Polly, as the server allows it: each element with the attributes Polly
// documents for it. Anything else (<audio>, <voice>, ...) is refused before it is saved or played.
const ssmlTags = new Map<string, { attributes: string[]; required?: string[]; empty?: boolean }>([
  ["speak", { attributes: [] }],
  ["break", { attributes: ["strength", "time"], empty: true }],
  ["emphasis", { attributes: ["level"] }],
  ["lang", { attributes: ["xml:lang", "onlangfailure"], required: ["xml:lang"] }],
  ["mark", { attributes: ["name"], required: ["name"], empty: true }],
  ["p", { attributes: [] }],
  ["phoneme", { attributes: ["alphabet", "ph"], required: ["ph"] }],
  ["prosody", { attributes: ["volume", "rate", "pitch", "amazon:max-duration"] }],
  ["s", { attributes: [] }],
  ["say-as", { attributes: ["interpret-as", "format"], required: ["interpret-as"] }],
  ["sub", { attributes: ["alias"], required: ["alias"] }],
  ["w", { attributes: ["role"], required: ["role"] }],
  ["amazon:auto-breaths", { attributes: ["volume", "frequency", "duration"] }],
  ["amazon:breath", { attributes: ["duration", "volume"], empty: true }],
  ["amazon:domain", { attributes: ["name"], required: ["name"] }],
  ["amazon:effect", { attributes: ["name", "phonation", "vocal-tract-length"] }],
  ["amazon:emotion", { attributes: ["name", "intensity"], required: ["name", "intensity"] }],
]);
const breakStrengths = ["none", "x-weak", "weak", "medium", "strong", "x-strong"];
const breakTimePattern = /^(\d{1,9}(\.\d{1,6})?|\.\d{1,6})(ms|s)$/;
const maxSsmlCharacters = 64 * 1024;
const maxSsmlDepth = 32;

/** Voice text that opens with markup is SSML; the first problem with it as the server words it, or undefined. */
export function validateSsml(voice: string): string | undefined {
  const trimmed = voice.trimStart();
  if (!/^<[A-Za-z!?]/.test(trimmed)) return undefined;
  if (voice.length > maxSsmlCharacters)
    return `The SSML is ${voice.length.toLocaleString("en-US")} characters long; at most ${maxSsmlCharacters.toLocaleString("en-US")} are allowed.`;
  // Polly's amazon:* elements come without a namespace declaration: a wrapper declares the prefix so they parse. An
  // XML declaration may only open a document, so it is taken off first (anywhere else it stays an error).
  const declaration = /^<\?xml\s[^>]*\?>/.exec(voice)?.[0] ?? "";
  const wrapped = `<ssml xmlns:amazon="https://aws.amazon.com/polly/ssml">${voice.slice(declaration.length)}</ssml>`;
  const parsed = new DOMParser().parseFromString(wrapped, "application/xml");
  if (parsed.getElementsByTagName("parsererror").length > 0)
    return voice.includes("<!DOCTYPE") ? "SSML must not contain a document type declaration (<!DOCTYPE ...>)." : "The SSML is not well-formed.";

  const roots = [...parsed.documentElement.childNodes];
  for (const node of roots) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return "The SSML is not well-formed.";
    if (node.nodeType === Node.PROCESSING_INSTRUCTION_NODE) return `Processing instructions (<?${node.nodeName} ...?>) are not SSML.`;
  }
  const elements = roots.filter((node): node is Element => node.nodeType === Node.ELEMENT_NODE);
  if (elements.length === 0 || elements[0].nodeName !== "speak") return "SSML must have <speak> as its root element.";
  if (elements.length > 1) return "The SSML is not well-formed.";
  return ssmlElementProblem(elements[0], 1);
}

function ssmlElementProblem(element: Element, depth: number, parent?: string): string | undefined {
  const name = element.nodeName;
  if (depth > 1 && name === "speak") return "<speak> may appear only once, around the whole prompt.";
  const tag = ssmlTags.get(name);
  if (!tag) {
    const allowed = `use ${[...ssmlTags.keys()].join(", ")}`;
    return name === "audio"
      ? `<audio> is not allowed: a prompt cannot play audio files from SSML; ${allowed}.`
      : `<${name}> is not SSML that Amazon Connect speaks; ${allowed}.`;
  }
  if (parent && ssmlTags.get(parent)?.empty) return `<${parent}> must be empty.`;
  if (depth > maxSsmlDepth) return `The SSML nests elements more than ${maxSsmlDepth} deep.`;
  for (const attribute of [...element.attributes]) {
    if (!tag.attributes.includes(attribute.name)) {
      const allowed = tag.attributes.length === 0 ? "it takes none" : `it takes ${tag.attributes.join(", ")}`;
      return `<${name}> has no attribute '${attribute.name}'; ${allowed}.`;
    }
  }
  for (const required of tag.required ?? []) if (!element.hasAttribute(required)) return `<${name}> needs a '${required}' attribute.`;
  if (name === "break") {
    const time = element.getAttribute("time");
    if (time !== null && !breakTimePattern.test(time)) return `<break time="${time}"> must be a duration such as 500ms or 2s.`;
    const strength = element.getAttribute("strength");
    if (strength !== null && !breakStrengths.includes(strength))
      return `<break strength="${strength}"> must be one of ${breakStrengths.join(", ")}.`;
  }
  for (const child of [...element.childNodes]) {
    if (child.nodeType === Node.PROCESSING_INSTRUCTION_NODE) return `Processing instructions (<?${child.nodeName} ...?>) are not SSML.`;
    const isText = child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE;
    if (tag.empty && isText && child.textContent?.trim()) return `<${name}> must be empty.`;
    if (child.nodeType === Node.ELEMENT_NODE) {
      const problem = ssmlElementProblem(child as Element, depth + 1, name);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Whether a value satisfies its variable's schema (no schema: any text). */
export function variableValueProblem(rule: VariableSchema | undefined, value: string): string | undefined {
  if (rule?.type === "number" && !isNumber(value)) return "Enter a number such as 600 or -2.5.";
  if (rule?.type === "boolean" && value !== "true" && value !== "false") return "Choose true or false.";
  if (rule?.type === "select" && !(rule.options ?? []).includes(value)) return "Choose one of the options.";
  return undefined;
}

/** A prompt language's problem as the server words it, keyed by the path under the language ("" or "voice"). */
export function promptTextProblems(language: string, text: PromptText): { language?: string; voice?: string } {
  const languageProblem = validateLanguage(language);
  if (languageProblem) return { language: languageProblem };
  if (text.voice.trim().length === 0) return { voice: "Voice text is required." };
  const ssmlProblem = validateSsml(text.voice);
  return ssmlProblem ? { voice: ssmlProblem } : {};
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
    const valueProblem = variableValueProblem(config.schema?.[name], value);
    if (valueProblem) errors[path] = valueProblem;
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
      const problems = promptTextProblems(language, text);
      if (problems.language) errors[languagePath] = problems.language;
      if (problems.voice) errors[`${languagePath}.voice`] = problems.voice;
    }
  }
  return errors;
}

/** The UTF-8 size of a resolved map, as Connect counts it against its 32 KB limit. */
export function resolvedSize(map: Record<string, string>): number {
  return new TextEncoder().encode(JSON.stringify(map)).length;
}

export const maxResolvedBytes = 32 * 1024;
