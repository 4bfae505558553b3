import type { FlowConfig } from "../api/types";

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/**
 * A config as field path → text, the same paths the API uses in its errors (variables.x, prompts.p.en-US.voice,
 * schedule[0].end): a schedule entry is known by its position, which is its precedence.
 */
export function flatten(config: FlowConfig): Record<string, string> {
  const fields: Record<string, string> = { description: config.description };
  for (const [name, value] of Object.entries(config.variables)) fields[`variables.${name}`] = value;
  for (const [name, rule] of Object.entries(config.schema ?? {}))
    fields[`schema.${name}`] = rule.type + (rule.options ? `: ${rule.options.join(", ")}` : "");
  for (const [name, languages] of Object.entries(config.prompts))
    for (const [language, text] of Object.entries(languages)) {
      fields[`prompts.${name}.${language}.voice`] = text.voice;
      if (text.chat !== undefined) fields[`prompts.${name}.${language}.chat`] = text.chat;
    }
  if (config.timeZone !== undefined) fields.timeZone = config.timeZone;
  (config.schedule ?? []).forEach((entry, index) => {
    const path = `schedule[${index}]`;
    fields[`${path}.name`] = entry.name;
    for (const key of ["start", "end", "repeat", "calendar"] as const) if (entry[key] !== undefined) fields[`${path}.${key}`] = entry[key]!;
    for (const [name, value] of Object.entries(entry.variables ?? {})) fields[`${path}.variables.${name}`] = value;
    for (const [name, languages] of Object.entries(entry.prompts ?? {}))
      for (const [language, text] of Object.entries(languages)) {
        fields[`${path}.prompts.${name}.${language}.voice`] = text.voice;
        if (text.chat !== undefined) fields[`${path}.prompts.${name}.${language}.chat`] = text.chat;
      }
  });
  return fields;
}

/** Fields that differ between two versions, in a stable order: changed, added or removed. */
export function diff(before: FlowConfig, after: FlowConfig): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.filter((f) => a[f] !== b[f]).map((field) => ({ field, before: a[field], after: b[field] }));
}
