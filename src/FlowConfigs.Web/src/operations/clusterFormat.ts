import type { ReadCopyFigures } from "../api/types";

export type SiloStatusType = "success" | "pending" | "stopped" | "error" | "info";

/** How long a task has run, to the two largest units an operator reads at a glance; a dash when it is not up. */
export function formatUptime(seconds: number | null): string {
  if (seconds === null || seconds < 0) return "-";
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** The share of reads answered from memory, to one decimal; what to show when there is none yet or no report. */
export function formatHitRate(figures: ReadCopyFigures | null): string {
  if (!figures) return "Not reported";
  if (figures.hitRate === null) return "No reads yet";
  // Never round a rate with misses up to 100 %: an operator looking for misses must see there are some.
  const percent = Math.floor(figures.hitRate * 1000) / 10;
  return `${percent.toFixed(1)} %`;
}

/** Membership's status as a status indicator: only Active serves, Dead is the one to look at. */
export function siloStatusType(status: string): SiloStatusType {
  switch (status) {
    case "Active": return "success";
    case "Created":
    case "Joining": return "pending";
    case "ShuttingDown":
    case "Stopping": return "stopped";
    case "Dead": return "error";
    default: return "info";
  }
}

/** A build as people compare them: a full commit hash after the "+" cut to the 7 characters git shows. */
export function formatVersion(version: string | null): string {
  if (!version) return "-";
  return version.replace(/\+([0-9a-f]{7})[0-9a-f]{33}$/, "+$1");
}

/** Membership's names, as words. */
export function siloStatusLabel(status: string): string {
  switch (status) {
    case "ShuttingDown": return "Shutting down";
    default: return status;
  }
}
