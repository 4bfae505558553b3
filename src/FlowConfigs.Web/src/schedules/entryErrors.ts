import type { FieldErrors } from "../configs/validation";

// Problems about schedule entries come keyed by position (schedule[2].variables.closure), from the server and from the
// app's own checks alike. These helpers put each on its entry and field, and keep it there when entries move.

const entryKey = /^schedule\[(\d+)\](?:\.(.*))?$/;

/** The key of a path inside entry `index` ("" is the entry itself). */
export function entryPath(index: number, path: string): string {
  return path === "" ? `schedule[${index}]` : `schedule[${index}].${path}`;
}

/** The entry a key is about, and the path inside it; undefined for keys about something else. */
export function parseEntryPath(key: string): { index: number; path: string } | undefined {
  const match = entryKey.exec(key);
  return match ? { index: Number(match[1]), path: match[2] ?? "" } : undefined;
}

/** Entry `index`'s problems keyed by the path inside it ("end", "variables.closure", "" for the entry itself). */
export function errorsOfEntry(errors: FieldErrors, index: number): FieldErrors {
  const mine: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const parsed = parseEntryPath(key);
    if (parsed?.index === index) mine[parsed.path] = message;
  }
  return mine;
}

/** An entry's messages as sentences for its summary in the list: "Variable closure: Choose true or false." */
export function entrySummaryMessages(errors: FieldErrors): string[] {
  return Object.entries(errors).map(([path, message]) => (path === "" ? message : `${describePath(path)}: ${message}`));
}

/** "variables.closure" → "Variable closure", "prompts.welcome.en-US.voice" → "Prompt welcome, en-US voice text". */
export function describePath(path: string): string {
  const [head, ...rest] = path.split(".");
  if (head === "variables") return `Variable ${rest.join(".")}`;
  if (head === "prompts") {
    const [prompt, language, part] = rest;
    return `Prompt ${prompt}${language ? `, ${language}` : ""}${part ? ` ${part} text` : ""}`;
  }
  return head.charAt(0).toUpperCase() + head.slice(1);
}

/** Where a key goes when entries move: a new key, or null when the message should go (its entry changed or went). */
export type KeyMove = (key: string) => string | null;

/** Messages follow an entry that moved from one position to another, and the entries it passed. */
export function followMove(from: number, to: number): KeyMove {
  return (key) => {
    const parsed = parseEntryPath(key);
    if (!parsed) return key;
    let index = parsed.index;
    if (index === from) index = to;
    else if (from < to && index > from && index <= to) index -= 1;
    else if (from > to && index >= to && index < from) index += 1;
    return entryPath(index, parsed.path);
  };
}

/** A removed entry's messages go; those of the entries after it move up one. */
export function followRemove(removed: number): KeyMove {
  return (key) => {
    const parsed = parseEntryPath(key);
    if (!parsed) return key;
    if (parsed.index === removed) return null;
    return entryPath(parsed.index > removed ? parsed.index - 1 : parsed.index, parsed.path);
  };
}

/** An entry changed in its form: what the server said about its old values no longer holds. */
export function followEdit(edited: number): KeyMove {
  return (key) => (parseEntryPath(key)?.index === edited ? null : key);
}

export function rekey(errors: FieldErrors, move: KeyMove): FieldErrors {
  const moved: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const next = move(key);
    if (next !== null) moved[next] = message;
  }
  return moved;
}
