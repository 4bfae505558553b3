import { describe, expect, it } from "vitest";
import type { AppSettings, SpeechVoiceList } from "../api/types";
import { blocksSave, chooseApprovers, chooseLanguage, enterName, enterPattern, fromProblem, languageOptions, visibleErrors, voiceOptions, withoutField, withoutRows } from "./settingsForm";

const settings = (locales: AppSettings["locales"]): AppSettings => ({ locales, fallbackLocale: null });
const list: SpeechVoiceList = {
  provider: "Amazon Polly",
  voices: [
    { id: "Joanna", name: "Joanna", languageCodes: ["en-US"], gender: "Female" },
    { id: "Matthew", name: "Matthew", languageCodes: ["en-US"], gender: "Male" },
    { id: "Aditi", name: "Aditi", languageCodes: ["en-IN", "hi-IN"] },
  ],
};

describe("settings form", () => {
  it("holds required messages back until the field is touched or a save is tried", () => {
    const blank = settings([{ code: "", name: "", voices: [] }]);
    expect(visibleErrors(blank, {}, new Set(), false)).toEqual({});
    expect(visibleErrors(blank, {}, new Set(["locales[0].name"]), false)).toEqual({ "locales[0].name": enterName });
    expect(visibleErrors(blank, {}, new Set(), true)).toEqual({ "locales[0].code": chooseLanguage, "locales[0].name": enterName });
    expect(blocksSave(blank)).toBe(true);
  });

  it("marks a repeated language at once, on the later locale", () => {
    const twice = settings([{ code: "en-US", name: "A", voices: [] }, { code: "en-US", name: "B", voices: [] }]);
    expect(visibleErrors(twice, {}, new Set(), false)).toEqual({ "locales[1].code": "en-US is already in the list; each language appears once." });
  });

  it("puts each refused voice's message on its locale's voice picker and drops it when that field changes", () => {
    const server = fromProblem({
      "locales[1].voices[0]": ["Amazon Polly has no voice called X."],
      "locales[1].voices[2]": ["Amy does not speak Spanish (US) (es-US)."],
      "locales[0].code": ["Enter a language code such as en-US."],
    });
    expect(server).toEqual({
      "locales[1].voices": "Amazon Polly has no voice called X. Amy does not speak Spanish (US) (es-US).",
      "locales[0].code": "Enter a language code such as en-US.",
    });
    expect(withoutField(server, "locales[1].voices")).toEqual({ "locales[0].code": "Enter a language code such as en-US." });
  });

  it("offers the provider's languages and voices, keeping chosen ones it does not offer visible", () => {
    expect(languageOptions(list, ["fr-FR"]).map((o) => o.value)).toEqual(["en-IN", "en-US", "fr-FR", "hi-IN"]);
    expect(languageOptions(list, []).find((o) => o.value === "en-US")?.description).toContain("2 voices");
    const options = voiceOptions(list, "en-US", ["Joanna", "Aditi"]);
    expect(options.map((o) => o.value)).toEqual(["Aditi", "Joanna", "Matthew"]);
    expect(options[0].description).toBe("Not offered by Amazon Polly for en-US");
    expect(options[1].tags).toEqual(["Female"]);
  });
});

describe("approval rules", () => {
  const withRules = (approvals: AppSettings["approvals"]): AppSettings => ({ locales: [], approvals });

  it("puts the gateway's messages on the rule's pattern and approvers, and a whole rule's on its pattern", () => {
    expect(fromProblem({
      "approvals[0].approvers": ["approvers must be 1 to 5."],
      "approvals[2].pattern": ["The pattern may contain letters, digits, + - _ . : / @ and *."],
      "approvals[1]": ["An earlier rule has the same pattern."],
    })).toEqual({
      "approvals[0].approvers": "approvers must be 1 to 5.",
      "approvals[2].pattern": "The pattern may contain letters, digits, + - _ . : / @ and *.",
      "approvals[1].pattern": "An earlier rule has the same pattern.",
    });
  });

  it("shows the gateway's message rather than the page's own for the same field", () => {
    const server = fromProblem({ "approvals[0].pattern": ["Not a pattern."] });
    expect(visibleErrors(withRules([{ pattern: "", approvers: 1 }]), server, new Set(), true)["approvals[0].pattern"]).toBe("Not a pattern.");
  });

  it("asks for a pattern once touched or on save, and approvers from 1 to 5 at once", () => {
    const rules = withRules([{ pattern: "", approvers: 1 }, { pattern: "queue/*", approvers: 6 }, { pattern: "*", approvers: 0 }]);
    expect(visibleErrors(rules, {}, new Set(), false)).toEqual({ "approvals[1].approvers": chooseApprovers, "approvals[2].approvers": chooseApprovers });
    expect(visibleErrors(rules, {}, new Set(["approvals[0].pattern"]), false)["approvals[0].pattern"]).toBe(enterPattern);
    expect(blocksSave(withRules([{ pattern: "queue/*", approvers: 2 }]))).toBe(false);
    expect(blocksSave(withRules([{ pattern: " ", approvers: 2 }]))).toBe(true);
  });

  it("drops a list's messages when one of its rows goes, keeping the other list's", () => {
    const errors = { "approvals[1].pattern": "x", "approvals[0].approvers": "y", "locales[0].code": "z", fallbackLocale: "w" };
    expect(withoutRows(errors, "approvals")).toEqual({ "locales[0].code": "z", fallbackLocale: "w" });
  });
});
