import type { AccessLevel, Me } from "../api/types";
import { idPatternMatches } from "./approvalRules";

/**
 * The caller's level on an id from their tag patterns, for a config the list cannot tell about because it is not live
 * yet (it exists only as a draft). Full on every config (settings rights) is Full here too; the server decides again.
 */
export function levelFromTags(me: Me | null, id: string): AccessLevel {
  if (!me) return "none";
  const any = (patterns: string[]) => patterns.some((p) => idPatternMatches(p, id));
  if (me.canManageSettings || any(me.tags.full)) return "full";
  if (any(me.tags.edit)) return "edit";
  if (any(me.tags.read)) return "read";
  return "none";
}
