import { fieldProblems, formatLocal, joinLocal, type LocalFields } from "./localTime";

/** The preview is of now, or of a chosen wall-clock moment in the config's zone. */
export type PreviewMoment = { kind: "now" } | { kind: "at"; fields: LocalFields };

/** The "at" to send: a local time the server reads in the config's zone; undefined for now, or until the fields are complete. */
export function previewAt(moment: PreviewMoment): string | undefined {
  return moment.kind === "at" ? joinLocal(moment.fields) : undefined;
}

/** Whether the preview can ask the server: now always, a chosen moment once its date and time are valid. */
export function previewReady(moment: PreviewMoment): boolean {
  return moment.kind === "now" || Object.keys(fieldProblems(moment.fields)).length === 0;
}

/** What the values shown are for: "Now" or "At Thu, 24 Dec 2026, 17:00 (America/Chicago)". */
export function previewMomentLabel(moment: PreviewMoment, zone: string, locale?: string): string {
  const at = previewAt(moment);
  return at ? `At ${formatLocal(at, locale)} (${zone})` : "Now";
}
