import type { FlowConfigSummary, UsageOverview } from "../api/types";

/** A list row with its reads: undefined while usage is loading or when it could not be loaded. */
export interface SummaryWithUsage extends FlowConfigSummary {
  reads?: number;
  /** null: never read in the window; undefined: unknown. */
  lastReadAt?: string | null;
}

/** The list's configs with their reads from the usage overview; a config the overview does not name counts as unknown. */
export function withUsage(configs: FlowConfigSummary[], overview: UsageOverview | null): SummaryWithUsage[] {
  if (!overview) return configs;
  const byId = new Map(overview.configs.map((c) => [c.id, c]));
  return configs.map((c) => {
    const usage = byId.get(c.id);
    // The gateway leaves a last read out when there is none: for a config it names, that means never.
    return usage ? { ...c, reads: usage.reads, lastReadAt: usage.lastReadAt ?? null } : c;
  });
}

/**
 * Sorting by reads or last read, ascending: unknown first, then never read, then the fewest or oldest; so the configs
 * nobody reads come first (descending puts the busiest first).
 */
export const compareReads = (a: SummaryWithUsage, b: SummaryWithUsage) => (a.reads ?? -1) - (b.reads ?? -1);

export const compareLastRead = (a: SummaryWithUsage, b: SummaryWithUsage) => lastReadRank(a) - lastReadRank(b);

function lastReadRank(row: SummaryWithUsage): number {
  if (row.lastReadAt === undefined) return -2;
  if (row.lastReadAt === null) return -1;
  return new Date(row.lastReadAt).getTime();
}
