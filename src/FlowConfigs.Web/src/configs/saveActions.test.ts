import { describe, expect, it } from "vitest";
import { draftExistsReason, saveActions } from "./saveActions";

const state = { level: "edit" as const, create: false, editingDraft: false, approvalsRequired: 0, draftExists: false, dirty: true };
const labels = (overrides: Partial<Parameters<typeof saveActions>[0]>) => saveActions({ ...state, ...overrides }).map((a) => a.label);

describe("saveActions", () => {
  it("offers Save as draft beside Save when no approval is needed", () => {
    expect(labels({})).toEqual(["Save as draft", "Save"]);
    expect(saveActions(state).find((a) => a.primary)?.mode).toBe("save");
  });

  it("offers only Save as draft when the config needs approval, and Emergency change to Full users", () => {
    expect(labels({ approvalsRequired: 1 })).toEqual(["Save as draft"]);
    expect(labels({ approvalsRequired: 2, level: "full" })).toEqual(["Emergency change", "Save as draft"]);
    expect(saveActions({ ...state, approvalsRequired: 2, level: "full" }).find((a) => a.primary)?.mode).toBe("draft");
  });

  it("has no emergency while creating: a new config that needs approval starts as a draft", () => {
    expect(labels({ approvalsRequired: 1, level: "full", create: true, dirty: false })).toEqual(["Save as draft"]);
    expect(saveActions({ ...state, approvalsRequired: 1, level: "full", create: true, dirty: false })[0].disabled).toBe(false);
  });

  it("saves to the draft while editing it", () => {
    expect(saveActions({ ...state, editingDraft: true, draftExists: true, approvalsRequired: 1, level: "full" }))
      .toEqual([{ mode: "draft", label: "Save draft", primary: true, disabled: false }]);
  });

  it("starts no second draft beside the shared one, and says where it is", () => {
    const draft = saveActions({ ...state, draftExists: true })[0];
    expect(draft).toMatchObject({ label: "Save as draft", disabled: true, disabledReason: draftExistsReason });
  });

  it("offers nothing to readers, and nothing enabled without a change", () => {
    expect(labels({ level: "read" })).toEqual([]);
    expect(saveActions({ ...state, dirty: false }).every((a) => a.disabled)).toBe(true);
  });
});
