import type { AppSettings, SpeechVoice, SpeechVoiceList } from "../api/types";

/**
 * One message per field path the gateway uses: locales[0].code, locales[0].name, locales[0].voices, fallbackLocale,
 * approvals[0].pattern, approvals[0].approvers.
 */
export type SettingsErrors = Record<string, string>;

export const chooseLanguage = "Choose a language.";
export const enterName = "Enter a name people recognize, such as English (US).";
export const enterPattern = "Enter an id pattern, such as queue/* or *.";
export const chooseApprovers = "Choose 1 to 5 approvers.";

/**
 * The gateway's problem fields as messages per field the page shows: each voice's message (locales[0].voices[1])
 * goes to the voices picker it belongs to; what it says of a whole approval rule (approvals[1]) goes to its pattern.
 */
export function fromProblem(fields: Record<string, string[]>): SettingsErrors {
  const errors: SettingsErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const field = path.replace(/^(locales\[\d+\]\.voices)\[\d+\]$/, "$1").replace(/^(approvals\[\d+\])$/, "$1.pattern");
    errors[field] = [errors[field], ...messages].filter(Boolean).join(" ");
  }
  return errors;
}

/** Drops what the gateway said about a field once the user changes it: the message was about the old value. */
export function withoutField(errors: SettingsErrors, field: string): SettingsErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path !== field));
}

/**
 * What the page shows beside each field: the gateway's message for the value it refused, else the page's own checks.
 * "Required" messages wait until the field was touched or a save was tried, so a new locale does not open in red.
 */
export function visibleErrors(settings: AppSettings, server: SettingsErrors, touched: ReadonlySet<string>, submitted: boolean): SettingsErrors {
  const errors: SettingsErrors = { ...server };
  const shown = (path: string) => submitted || touched.has(path);
  settings.locales.forEach((locale, index) => {
    const code = `locales[${index}].code`;
    const name = `locales[${index}].name`;
    if (!errors[code]) {
      if (locale.code === "" && shown(code)) errors[code] = chooseLanguage;
      else if (locale.code !== "" && settings.locales.findIndex((l) => l.code === locale.code) < index)
        errors[code] = `${locale.code} is already in the list; each language appears once.`;
    }
    if (!errors[name] && locale.name.trim() === "" && shown(name)) errors[name] = enterName;
  });
  (settings.approvals ?? []).forEach((rule, index) => {
    const pattern = `approvals[${index}].pattern`;
    const approvers = `approvals[${index}].approvers`;
    if (!errors[pattern] && rule.pattern.trim() === "" && shown(pattern)) errors[pattern] = enterPattern;
    if (!errors[approvers] && !(Number.isInteger(rule.approvers) && rule.approvers >= 1 && rule.approvers <= 5)) errors[approvers] = chooseApprovers;
  });
  return errors;
}

/** Whether the page's own checks would refuse a save (the gateway checks everything again). */
export function blocksSave(settings: AppSettings): boolean {
  return Object.keys(visibleErrors(settings, {}, new Set(), true)).length > 0;
}

/** The language's name in English ("English (United States)"), or the code when the browser does not know it. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface PickerOption {
  value: string;
  label: string;
  description?: string;
  tags?: string[];
  filteringTags?: string[];
}

/** Every language the provider has a voice for, plus any a locale already uses (marked, so the user sees why). */
export function languageOptions(list: SpeechVoiceList | null, inUse: string[]): PickerOption[] {
  const counts = new Map<string, number>();
  for (const voice of list?.voices ?? []) for (const code of voice.languageCodes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const codes = [...new Set([...counts.keys(), ...inUse.filter((c) => c !== "")])].sort();
  return codes.map((code) => {
    const count = counts.get(code) ?? 0;
    const voices = count === 0 ? (list ? "no voice offered" : "voices not loaded") : count === 1 ? "1 voice" : `${count} voices`;
    return { value: code, label: code, description: `${languageName(code)} · ${voices}`, filteringTags: [languageName(code)] };
  });
}

function voiceOption(voice: SpeechVoice): PickerOption {
  return {
    value: voice.id,
    label: voice.id,
    description: voice.name !== voice.id ? voice.name : undefined,
    tags: voice.gender ? [voice.gender] : undefined,
    filteringTags: [voice.name],
  };
}

/** The voices that speak the language, plus any chosen voice that does not (marked, so it can be removed). */
export function voiceOptions(list: SpeechVoiceList | null, code: string, chosen: string[]): PickerOption[] {
  const speaking = (list?.voices ?? []).filter((v) => v.languageCodes.includes(code)).map(voiceOption);
  const strays = chosen
    .filter((id) => !speaking.some((o) => o.value === id))
    .map((id) => ({ value: id, label: id, description: list ? `Not offered by ${list.provider} for ${code || "this language"}` : undefined }));
  return [...speaking, ...strays].sort((a, b) => a.label.localeCompare(b.label));
}

/** A list's messages go when one of its rows is removed: they are kept by position and would sit on the wrong row. */
export function withoutRows(errors: SettingsErrors, list: "locales" | "approvals"): SettingsErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith(`${list}[`)));
}
