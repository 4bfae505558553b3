import { describe, expect, it } from "vitest";
import table from "../../../../tests/fixtures/id-patterns/cases.json?raw";
import { approvalsRequired, idPatternMatches } from "./approvalRules";

// The one table of cases the domain's IdPatternTests read too: the page must decide "needs approval" exactly as the
// server does.
const cases = (JSON.parse(table) as { pattern: string; id: string; matches: boolean }[]).map((c) => [c.pattern, c.id, c.matches] as const);

describe("idPatternMatches", () => {
  it.each(cases)("%s against %s: %s", (pattern, id, matches) => {
    expect(idPatternMatches(pattern, id)).toBe(matches);
  });

  it("returns at once for a pattern that would backtrack exponentially", () => {
    expect(idPatternMatches("*a".repeat(60) + "*b", "a".repeat(128))).toBe(false);
  });
});

describe("approvalsRequired", () => {
  const rules = [{ pattern: "queue/vip*", approvers: 2 }, { pattern: "queue/*", approvers: 1 }, { pattern: "*", approvers: 3 }];

  it("takes the first matching rule, not the strictest or the most specific", () => {
    expect(approvalsRequired(rules, "queue/vip-support")).toBe(2);
    expect(approvalsRequired(rules, "queue/billing")).toBe(1);
    expect(approvalsRequired([{ pattern: "*", approvers: 1 }, { pattern: "queue/*", approvers: 5 }], "queue/billing")).toBe(1);
  });

  it("needs none when no rule matches or there are no rules", () => {
    expect(approvalsRequired([{ pattern: "queue/*", approvers: 1 }], "branch/austin")).toBe(0);
    expect(approvalsRequired(undefined, "queue/billing")).toBe(0);
    expect(approvalsRequired([], "queue/billing")).toBe(0);
  });
});
