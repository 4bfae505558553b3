import { useState } from "react";
import type { CollectionPreferencesProps } from "@cloudscape-design/components/collection-preferences";

export type ListPreferences = Required<Pick<CollectionPreferencesProps.Preferences, "pageSize" | "wrapLines" | "contentDisplay">>;

export const listColumns = [
  { id: "id", label: "Id", alwaysVisible: true },
  { id: "description", label: "Description" },
  { id: "accessLevel", label: "Your access" },
  { id: "version", label: "Version" },
  { id: "updatedBy", label: "Changed by" },
  { id: "updatedAt", label: "Changed" },
  { id: "lastReadAt", label: "Last read" },
  { id: "reads", label: "Reads (30 days)" },
] as const;

/**
 * Lines wrap, and the version and who changed a config when are hidden by default (the search still finds who changed
 * it, the editor shows when; Last read is the time the list shows): that is what lets the table, reads included, fit a
 * 1024-pixel screen with the navigation open, without a horizontal scroll bar.
 */
const hiddenByDefault = new Set<string>(["version", "updatedBy", "updatedAt"]);

export const defaultListPreferences: ListPreferences = {
  pageSize: 25,
  wrapLines: true,
  contentDisplay: listColumns.map((c) => ({ id: c.id, visible: !hiddenByDefault.has(c.id) })),
};

const storageKey = "flowconfigs.list.preferences";

/** Reads what was stored, keeping only what still makes sense (columns come and go between releases). */
export function parseListPreferences(stored: string | null): ListPreferences {
  try {
    const parsed = JSON.parse(stored ?? "null") as Partial<ListPreferences> | null;
    if (!parsed || typeof parsed !== "object") return defaultListPreferences;
    const known = new Set<string>(listColumns.map((c) => c.id));
    const display = Array.isArray(parsed.contentDisplay) ? parsed.contentDisplay.filter((c) => known.has(c?.id)) : [];
    const missing = defaultListPreferences.contentDisplay.filter((c) => !display.some((d) => d.id === c.id));
    return {
      pageSize: [10, 25, 50, 100].includes(parsed.pageSize as number) ? parsed.pageSize! : defaultListPreferences.pageSize,
      wrapLines: typeof parsed.wrapLines === "boolean" ? parsed.wrapLines : defaultListPreferences.wrapLines,
      contentDisplay: [...display.map((c) => ({ id: c.id, visible: c.visible !== false })), ...missing],
    };
  } catch {
    return defaultListPreferences;
  }
}

/** The list's table preferences, kept in this browser. */
export function useListPreferences(): [ListPreferences, (next: ListPreferences) => void] {
  const [preferences, setPreferences] = useState(() => parseListPreferences(localStorage.getItem(storageKey)));
  const save = (next: ListPreferences) => {
    setPreferences(next);
    try { localStorage.setItem(storageKey, JSON.stringify(next)); } catch { /* private mode: they last this session */ }
  };
  return [preferences, save];
}
