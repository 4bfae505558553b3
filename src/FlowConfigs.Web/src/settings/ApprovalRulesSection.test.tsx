import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { ApprovalRulesSection } from "./ApprovalRulesSection";
import { fromProblem } from "./settingsForm";

const rules = [{ pattern: "queue/vip*", approvers: 2 }, { pattern: "queue/*", approvers: 1 }];

function open(errors = {}) {
  const onChange = vi.fn();
  const onReorder = vi.fn();
  render(<ApprovalRulesSection rules={rules} readOnly={false} errors={errors} touch={() => {}} onChange={onChange} onReorder={onReorder} />);
  return { onChange, onReorder };
}

describe("ApprovalRulesSection", { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it("shows the gateway's message on the field of the rule it names", () => {
    open(fromProblem({ "approvals[1].pattern": ["The pattern may contain letters, digits, + - _ . : / @ and *."] }));
    const second = screen.getByRole("textbox", { name: /^Pattern of rule 2/ });
    expect(second.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("textbox", { name: /^Pattern of rule 1/ }).getAttribute("aria-invalid")).not.toBe("true");
    expect(screen.getByText("The pattern may contain letters, digits, + - _ . : / @ and *.")).toBeTruthy();
  });

  it("names the field a change is to, so its gateway message can go", () => {
    const { onChange } = open();
    fireEvent.change(screen.getByRole("textbox", { name: /^Pattern of rule 2/ }), { target: { value: "queue/billing*" } });
    expect(onChange).toHaveBeenCalledWith("approvals[1].pattern", [rules[0], { pattern: "queue/billing*", approvers: 1 }]);
  });

  it("moves, adds and removes rules, since the first match decides", () => {
    const { onReorder } = open();
    fireEvent.click(screen.getByRole("button", { name: "Move rule 2 up" }));
    expect(onReorder).toHaveBeenLastCalledWith([rules[1], rules[0]]);
    fireEvent.click(screen.getByRole("button", { name: "Remove rule 1" }));
    expect(onReorder).toHaveBeenLastCalledWith([rules[1]]);
    fireEvent.click(screen.getByRole("button", { name: "Add rule" }));
    expect(onReorder).toHaveBeenLastCalledWith([...rules, { pattern: "", approvers: 1 }]);
    expect((screen.getByRole("button", { name: "Move rule 1 up" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
