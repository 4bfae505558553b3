import type { ApprovalRule } from "../api/types";

/**
 * The server's id patterns: `*` matches any run of characters (none, and `/` too); everything else matches itself,
 * case-sensitively; the pattern must cover the whole id. Greedy with one backtrack point, as the server matches, so a
 * pattern such as `*a*a*a*b` cannot stall the page.
 */
export function idPatternMatches(pattern: string, id: string): boolean {
  let p = 0;
  let i = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (i < id.length) {
    if (p < pattern.length && pattern[p] === "*") {
      starAt = p++;
      resumeAt = i;
    } else if (p < pattern.length && pattern[p] === id[i]) {
      p++;
      i++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      i = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** How many approvals a change to the id needs: the first rule whose pattern matches decides; none matching means none. */
export function approvalsRequired(rules: readonly ApprovalRule[] | null | undefined, id: string): number {
  return (rules ?? []).find((rule) => idPatternMatches(rule.pattern, id))?.approvers ?? 0;
}
