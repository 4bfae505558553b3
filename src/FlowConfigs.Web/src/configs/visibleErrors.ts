import type { FlowConfig } from "../api/types";
import { flatten } from "../history/diff";
import type { FieldErrors } from "./validation";

/**
 * Which of a draft's problems to show now. A field the user has not dealt with yet (an empty description on a new
 * config, the voice text of a prompt just added) is not an error until they leave it or try to save; a field they
 * changed, or filled in, shows its problem as they type; problems with no field of their own always show.
 */
export function visibleErrors(
  errors: FieldErrors,
  saved: FlowConfig,
  draft: FlowConfig,
  touched: ReadonlySet<string>,
  saveAttempted: boolean,
): FieldErrors {
  if (saveAttempted) return errors;
  const before: Record<string, string> = { id: saved.id, ...flatten(saved) };
  const after: Record<string, string> = { id: draft.id, ...flatten(draft) };
  const shown = (path: string) => {
    if (touched.has(path)) return true;
    if (!(path in after)) return true;
    return path in before ? before[path] !== after[path] : after[path] !== "";
  };
  return Object.fromEntries(Object.entries(errors).filter(([path]) => shown(path)));
}
