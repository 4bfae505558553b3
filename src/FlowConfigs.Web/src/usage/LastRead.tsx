import { exactTime, relativeTime } from "./relativeTime";

/** When a config was last read, relative ("3 hours ago"), with the exact time on hover; "Never", or a dash when unknown. */
export function LastRead({ at, compact = false }: { at: string | null | undefined; compact?: boolean }) {
  if (at === undefined) return <>—</>;
  if (at === null) return <>Never</>;
  return <Ago at={at} compact={compact} />;
}

/** An instant as "3 hours ago", with the exact time on hover: narrow enough for a column among many. */
export function Ago({ at, compact = false }: { at: string; compact?: boolean }) {
  return <time dateTime={at} title={exactTime(at)}>{relativeTime(at, undefined, undefined, compact)}</time>;
}
