import { describe, expect, it } from "vitest";
import table from "../../../../tests/fixtures/validation/cases.json?raw";
import { validateDescription, validateId, validateLanguage, validateName, validateSsml } from "./validation";

// The one table of cases the domain's tests read too (SharedValidationCasesTests): the app's rules must reach the
// same verdicts as the server's.
type Case = { rule: "id" | "name" | "language" | "description" | "ssml"; value: string; valid: boolean };

const rules: Record<Case["rule"], (value: string) => string | undefined> = {
  id: validateId,
  name: validateName,
  language: validateLanguage,
  description: validateDescription,
  ssml: validateSsml,
};

const cases = (JSON.parse(table) as Case[]).map((c, row) => ({ ...c, row, shown: JSON.stringify(c.value).slice(0, 60) }));

describe("the shared validation cases", () => {
  it.each(cases)("row $row: $rule $shown is valid: $valid", ({ rule, value, valid }) => {
    const check = rules[rule];
    expect(check, `unknown rule ${rule}`).toBeDefined();
    const problem = check(value);
    expect(problem === undefined, problem ?? "valid").toBe(valid);
  });

  it("covers every rule both ways", () => {
    for (const rule of Object.keys(rules))
      for (const valid of [true, false]) expect(cases.some((c) => c.rule === rule && c.valid === valid), `${rule} ${valid}`).toBe(true);
  });
});
