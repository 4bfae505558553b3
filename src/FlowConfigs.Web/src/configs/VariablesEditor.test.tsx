import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import type { FlowConfig } from "../api/types";
import { VariablesEditor } from "./VariablesEditor";

const config: FlowConfig = {
  id: "x",
  description: "d",
  variables: { closure: "false", maxWaitTime: "600", priority: "medium", note: "hi" },
  schema: { closure: { type: "boolean" }, maxWaitTime: { type: "number" }, priority: { type: "select", options: ["low", "medium", "high"] } },
  prompts: {},
};

function Harness({ structure, onChange }: { structure: boolean; onChange?: (c: FlowConfig) => void }) {
  const [draft, setDraft] = useState(config);
  return <VariablesEditor config={draft} canEditValues canEditStructure={structure} errors={{}} onChange={(c) => { setDraft(c); onChange?.(c); }} />;
}

const textbox = (name: string) => screen.getByRole("textbox", { name }) as HTMLInputElement;
// Cloudscape's toggle is a checkbox input with role="switch" in browsers; match either.
// Its name is the field's label, then its state ("closure false").
const toggle = (label: string) => {
  const name = new RegExp(`^${label}\\b`);
  return screen.queryByRole("switch", { name }) ?? screen.getByRole("checkbox", { name });
};

describe("VariablesEditor", () => {
  afterEach(cleanup);

  it("renders each schema type as its own control", () => {
    render(<Harness structure={false} />);
    expect(toggle("closure")).toBeTruthy();
    expect((textbox("maxWaitTime")).value).toBe("600");
    expect((textbox("note")).value).toBe("hi");
  });

  it("refuses letters in a number field", () => {
    const changes = vi.fn();
    render(<Harness structure={false} onChange={changes} />);
    const input = textbox("maxWaitTime");
    fireEvent.change(input, { target: { value: "60x" } });
    expect(changes).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: "-2.5" } });
    expect(changes).toHaveBeenLastCalledWith(expect.objectContaining({ variables: expect.objectContaining({ maxWaitTime: "-2.5" }) }));
  });

  it("flips a boolean with its toggle", () => {
    const changes = vi.fn();
    render(<Harness structure={false} onChange={changes} />);
    fireEvent.click(toggle("closure"));
    expect(changes).toHaveBeenLastCalledWith(expect.objectContaining({ variables: expect.objectContaining({ closure: "true" }) }));
  });

  it("offers structure changes only to Full users", () => {
    const { unmount } = render(<Harness structure={false} />);
    expect(screen.queryByLabelText("New variable name")).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove variable note" })).toBeNull();
    unmount();

    render(<Harness structure />);
    fireEvent.change(textbox("New variable name"), { target: { value: "bad name" } });
    expect(screen.getByText("Use 1 to 128 letters, digits and + - _ .")).toBeTruthy();
  });

  it("keeps commas in the options field while typing and hands the list on when the field is left", () => {
    const changes = vi.fn();
    render(<Harness structure onChange={changes} />);
    const options = textbox("Options of priority");
    fireEvent.change(options, { target: { value: "" } });
    fireEvent.change(options, { target: { value: "low, medium, high," } });
    expect(options.value).toBe("low, medium, high,");
    fireEvent.change(options, { target: { value: "low,medium , high, urgent," } });
    expect(changes).not.toHaveBeenCalled();

    fireEvent.blur(options);
    expect(options.value).toBe("low, medium, high, urgent");
    // Clearing the field on the way did not cost the variable its value: medium is still an option.
    expect(changes).toHaveBeenLastCalledWith(expect.objectContaining({
      schema: expect.objectContaining({ priority: { type: "select", options: ["low", "medium", "high", "urgent"] } }),
      variables: expect.objectContaining({ priority: "medium" }),
    }));
  });

  it("moves a select's value to the first option when its options no longer hold it", () => {
    const changes = vi.fn();
    render(<Harness structure onChange={changes} />);
    const options = textbox("Options of priority");
    fireEvent.change(options, { target: { value: "gold, silver" } });
    fireEvent.blur(options);
    expect(changes).toHaveBeenLastCalledWith(expect.objectContaining({ variables: expect.objectContaining({ priority: "gold" }) }));
  });
});
