import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { FlowConfig } from "../api/types";
import { reasonRequired } from "../drafts/EmergencyFields";
import { ReviewChangesModal, type SaveMode } from "./ReviewChangesModal";

const live: FlowConfig = { id: "queue/billing", description: "Billing", variables: { closure: "false" }, prompts: {} };
const edited: FlowConfig = { ...live, variables: { closure: "true" } };

function open(mode: SaveMode, reasonError?: string) {
  const confirm = vi.fn();
  render(<ReviewChangesModal visible before={live} after={edited} saving={false} mode={mode} approvalsRequired={2} reasonError={reasonError}
    onCancel={() => {}} onConfirm={confirm} />);
  return confirm;
}

describe("ReviewChangesModal", { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it("shows the changed field and says what the button does", () => {
    open("save");
    expect(screen.getByText("variables.closure")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
    cleanup();
    open("draft");
    expect(screen.getByRole("button", { name: "Save as draft" })).toBeTruthy();
    expect(screen.getByText(/does not change what contact flows read/)).toBeTruthy();
  });

  it("saves a draft without asking for a reason", () => {
    const confirm = open("draft");
    fireEvent.click(screen.getByRole("button", { name: "Save as draft" }));
    expect(confirm).toHaveBeenCalledWith();
  });

  it("refuses an emergency save without a reason, and flags that it skips approval", () => {
    const confirm = open("emergency");
    expect(screen.getByText("This skips approval")).toBeTruthy();
    expect(screen.getByText(/needs 2 approvals before a change goes live/)).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /^Reason for the emergency change/ }), { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "Emergency save" }));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByText(reasonRequired)).toBeTruthy();
  });

  it("hands the trimmed reason on once there is one", () => {
    const confirm = open("emergency");
    fireEvent.change(screen.getByRole("textbox", { name: /^Reason for the emergency change/ }), { target: { value: " Storm closure " } });
    fireEvent.click(screen.getByRole("button", { name: "Emergency save" }));
    expect(confirm).toHaveBeenCalledWith("Storm closure");
  });

  it("shows the gateway's message about the reason on the field", () => {
    open("emergency", "emergency.reason must be at most 1000 characters.");
    expect(screen.getByText("emergency.reason must be at most 1000 characters.")).toBeTruthy();
  });
});
