import type { DraftChange, ScheduleEntry } from "../api/types";
import { describeChanges, describeWhen } from "../schedules/describeEntry";

export interface ChangeRow {
  path: string;
  kind: DraftChange["kind"];
  before?: string;
  after?: string;
}

/** The server's field-level changes as table rows, each value in words as the editor shows it. */
export function changeRows(changes: readonly DraftChange[], locale?: string): ChangeRow[] {
  return changes.map((change) => ({
    path: change.path,
    kind: change.kind,
    before: valueText(change.before, locale),
    after: valueText(change.after, locale),
  }));
}

/**
 * A changed value in words. The diff names whole parts by path ("prompts.welcome.en-US", "schedule[0]",
 * "variables.openHours.schema"), so a value can be a prompt text, a schedule entry or a variable's rule as well as a string.
 */
export function valueText(value: unknown, locale?: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.every((v) => typeof v !== "object" || v === null) ? value.join(", ") : JSON.stringify(value);
  const record = value as Record<string, unknown>;
  if (typeof record.voice === "string")
    return typeof record.chat === "string" ? `${record.voice} (chat: ${record.chat})` : record.voice;
  if (typeof record.type === "string" && Object.keys(record).every((k) => k === "type" || k === "options"))
    return record.type + (Array.isArray(record.options) ? `: ${record.options.join(", ")}` : "");
  if (typeof record.name === "string" && ("start" in record || "calendar" in record)) {
    const entry = record as unknown as ScheduleEntry;
    const changes = describeChanges(entry);
    return `${entry.name}: ${describeWhen(entry, locale)}${changes.length > 0 ? `; changes ${changes.join(", ")}` : ""}`;
  }
  return JSON.stringify(value);
}

export const changeKindLabel: Record<DraftChange["kind"], string> = { added: "Added", removed: "Removed", changed: "Changed" };
