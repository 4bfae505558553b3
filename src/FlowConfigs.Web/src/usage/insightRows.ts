import type { MissingTranslation, UsageOverview } from "../api/types";

export interface UnusedRow {
  id: string;
  lastReadAt: string | null;
}

/**
 * The configs nobody read in the window, with when they were last read before it (if ever): never-read first, then the
 * longest unread, then by id.
 */
export function unusedRows(overview: UsageOverview): UnusedRow[] {
  const lastRead = new Map(overview.configs.map((c) => [c.id, c.lastReadAt]));
  return overview.unused
    .map((id) => ({ id, lastReadAt: lastRead.get(id) ?? null }))
    .sort((a, b) => rank(a.lastReadAt) - rank(b.lastReadAt) || a.id.localeCompare(b.id));
}

const rank = (at: string | null) => (at === null ? -1 : new Date(at).getTime());

/** Missing translations, most reads first (they matter most), then by config and language. */
export function missingTranslationRows(overview: UsageOverview): MissingTranslation[] {
  return [...overview.missingTranslations].sort((a, b) => b.reads - a.reads || a.id.localeCompare(b.id) || a.language.localeCompare(b.language));
}
