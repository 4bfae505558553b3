import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { FlowConfig, ScheduleEntry } from "../api/types";
import { EntryModal } from "./EntryModal";

vi.mock("../auth/AuthContext", () => ({ useAuth: () => ({ api: {} }) }));

const config: FlowConfig = {
  id: "austin", description: "Austin",
  variables: { closure: "false" }, schema: { closure: { type: "boolean" } },
  prompts: { welcome: { "en-US": { voice: "Hello." } } },
};
const maintenance: ScheduleEntry = {
  name: "Sunday maintenance", start: "2026-11-29T02:00", end: "2026-11-29T04:00", repeat: "FREQ=WEEKLY;BYDAY=SU",
  variables: { closure: "true" }, prompts: { welcome: { "en-US": { voice: "Back soon." } } },
};

function open(entry: ScheduleEntry | undefined, serverErrors = {}, otherNames: string[] = []) {
  const done = vi.fn();
  render(<EntryModal entry={entry} config={config} zone="America/Chicago" locales={[]} calendars={[{ id: "us-holidays", description: "US", version: 1, eventCount: 3 }]}
    otherNames={otherNames} serverErrors={serverErrors} onCancel={() => {}} onDone={done} />);
  return done;
}

describe("EntryModal", () => {
  afterEach(cleanup);

  it("keeps an unchanged entry exactly as it was", () => {
    const done = open(maintenance);
    fireEvent.click(screen.getByRole("button", { name: "Keep changes" }));
    expect(done).toHaveBeenCalledWith(maintenance);
  });

  it("names the zone on the time fields and the repeat in words", () => {
    open(maintenance);
    expect(screen.getByText("Start date (America/Chicago)")).toBeTruthy();
    expect(screen.getByText("End time (America/Chicago)")).toBeTruthy();
    expect(screen.getByText("Shown as: every Sunday. Each time keeps the start's time and length.")).toBeTruthy();
  });

  it("adds nothing until the entry has a name and changes something, and says so", () => {
    const done = open(undefined);
    fireEvent.click(screen.getByRole("button", { name: "Add entry" }));
    expect(done).not.toHaveBeenCalled();
    expect(screen.getByText("Enter a name, such as Christmas closure.")).toBeTruthy();
    expect(screen.getByText("Choose at least one variable or prompt for this entry to change.")).toBeTruthy();
  });

  it("refuses a name another entry has", () => {
    const done = open(maintenance, {}, ["Christmas closure"]);
    fireEvent.change(screen.getByRole("textbox", { name: /^Name/ }), { target: { value: "Christmas closure" } });
    fireEvent.click(screen.getByRole("button", { name: "Keep changes" }));
    expect(done).not.toHaveBeenCalled();
    expect(screen.getByText("Another entry is already called Christmas closure; each entry needs its own name.")).toBeTruthy();
  });

  it("asks for a calendar once the entry follows one", () => {
    const done = open(maintenance);
    fireEvent.click(screen.getByRole("radio", { name: /^Calendar/ }));
    fireEvent.click(screen.getByRole("button", { name: "Keep changes" }));
    expect(done).not.toHaveBeenCalled();
    expect(screen.getByText("Choose a calendar.")).toBeTruthy();
    expect(screen.queryByText("Start date (America/Chicago)")).toBeNull();
  });

  it("shows what the server said about the entry on its fields", () => {
    open(maintenance, { end: "The end falls in a daylight saving gap.", "variables.closure": "closure is not a variable of this config." });
    expect(screen.getByText("The end falls in a daylight saving gap.")).toBeTruthy();
    expect(screen.getByText("closure is not a variable of this config.")).toBeTruthy();
  });

  it("stops changing a variable when its override is removed", () => {
    const done = open(maintenance);
    fireEvent.click(screen.getByRole("button", { name: "Remove closure from this entry" }));
    fireEvent.click(screen.getByRole("button", { name: "Keep changes" }));
    const withoutVariables = { ...maintenance };
    delete withoutVariables.variables;
    expect(done).toHaveBeenCalledWith(withoutVariables);
  });
});
