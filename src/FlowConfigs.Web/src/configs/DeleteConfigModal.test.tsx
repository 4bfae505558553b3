import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { reasonRequired } from "../drafts/EmergencyFields";
import { DeleteConfigModal } from "./DeleteConfigModal";

function open(approvalsRequired: number) {
  const confirm = vi.fn();
  render(<DeleteConfigModal id="queue/billing" visible deleting={false} approvalsRequired={approvalsRequired} onCancel={() => {}} onConfirm={confirm} />);
  fireEvent.change(screen.getByRole("textbox", { name: /^To confirm/ }), { target: { value: "queue/billing" } });
  return confirm;
}

describe("DeleteConfigModal", { timeout: 30_000 }, () => {
  afterEach(cleanup);

  it("deletes an ordinary config once its id is typed, with no reason", () => {
    const confirm = open(0);
    expect(screen.queryByText("This skips approval")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(confirm).toHaveBeenCalledWith();
  });

  it("deletes a config that needs approval only as a flagged emergency with a reason", () => {
    const confirm = open(1);
    expect(screen.getByText("This skips approval")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Emergency delete" }));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByText(reasonRequired)).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /^Reason for the emergency change/ }), { target: { value: "Branch closed for good" } });
    fireEvent.click(screen.getByRole("button", { name: "Emergency delete" }));
    expect(confirm).toHaveBeenCalledWith("Branch closed for good");
  });
});
