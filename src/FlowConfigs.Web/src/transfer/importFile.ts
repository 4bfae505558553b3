import type { ImportAction, ImportItem } from "../api/types";

/** Most configs the gateway takes in one import. */
export const maxImportItems = 1000;

export type ImportFile = { items: unknown[] } | { error: string };

/** An import file: a JSON array of flow configs, or one config on its own (an export of one, tidied by hand). */
export function readImportFile(name: string, text: string): ImportFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `${name} is not JSON: ${(e as Error).message}` };
  }
  const items = Array.isArray(parsed) ? parsed : parsed !== null && typeof parsed === "object" ? [parsed] : null;
  if (!items) return { error: `${name} holds neither a flow config nor an array of them.` };
  if (items.length === 0) return { error: `${name} holds no flow configs.` };
  if (items.length > maxImportItems) return { error: `${name} holds ${items.length} configs; one import takes at most ${maxImportItems}.` };
  return { items };
}

const order: ImportAction[] = ["create", "update", "conflict", "invalid", "forbidden", "draftRequired"];
const phrases: Record<ImportAction, (n: number) => string> = {
  create: (n) => `${n} to create`,
  update: (n) => `${n} to overwrite`,
  conflict: (n) => `${n} already ${n === 1 ? "exists" : "exist"} (left alone)`,
  invalid: (n) => `${n} invalid`,
  forbidden: (n) => `${n} without Full access`,
  draftRequired: (n) => `${n} needing approval (save as a draft in the editor)`,
};

/** "2 to create, 1 already exists (left alone)": the plan in one line, most useful first. */
export function describePlan(plan: readonly ImportItem[]): string {
  const counts = new Map<ImportAction, number>();
  for (const item of plan) counts.set(item.action, (counts.get(item.action) ?? 0) + 1);
  return order.filter((a) => counts.has(a)).map((a) => phrases[a](counts.get(a)!)).join(", ");
}

/** How many items the import would write. */
export const writes = (plan: readonly ImportItem[]) => plan.filter((i) => i.action === "create" || i.action === "update").length;

/** Why an item is what it is, one line per field the server named (else its sentence). */
export function reasons(item: ImportItem): string[] {
  const fields = Object.entries(item.errors ?? {});
  if (fields.length > 0) return fields.flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`));
  return item.error ? [item.error] : [];
}
