import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import type { FlowConfig } from "../api/types";
import type { FieldErrors } from "../configs/validation";
import { describeWhen } from "./describeEntry";
import { rekey } from "./entryErrors";
import { ScheduleEditor } from "./ScheduleEditor";

vi.mock("../auth/AuthContext", () => ({
  useAuth: () => ({ api: { calendars: () => Promise.resolve([]), timeZones: () => Promise.resolve(["America/Chicago", "Europe/Berlin"]) } }),
}));

const config: FlowConfig = {
  id: "austin", description: "Austin",
  variables: { closure: "false", maxWaitTime: "600" }, schema: { closure: { type: "boolean" }, maxWaitTime: { type: "number" } },
  prompts: {},
  schedule: [
    { name: "Christmas closure", start: "2026-12-24T17:00", end: "2026-12-26T08:00", variables: { closure: "true" } },
    { name: "Sunday maintenance", start: "2026-11-29T02:00", end: "2026-11-29T04:00", repeat: "FREQ=WEEKLY;BYDAY=SU", variables: { maxWaitTime: "60" } },
    { name: "Company holidays", calendar: "us-holidays", variables: { closure: "true" } },
  ],
};

/** The editor as the config editor holds it: the document, and the server's messages that follow entries. */
function Harness({ level, serverErrors = {} }: { level: "read" | "edit" | "full"; serverErrors?: FieldErrors }) {
  const [draft, setDraft] = useState(config);
  const [errors, setErrors] = useState(serverErrors);
  return (
    <ScheduleEditor config={draft} defaultZone="UTC" locales={[]} canEditValues={level !== "read"} canEditStructure={level === "full"} errors={errors}
      onChange={(next, move) => { setDraft(next); if (move) setErrors((current) => rekey(current, move)); }} />
  );
}

const titles = () => within(screen.getByRole("list", { name: /Schedule entries/ })).getAllByRole("heading").map((h) => h.textContent);

describe("ScheduleEditor", () => {
  afterEach(cleanup);

  it("lists entries in precedence order, in words", () => {
    render(<Harness level="edit" />);
    expect(titles()).toEqual(["1. Christmas closure", "2. Sunday maintenance", "3. Company holidays"]);
    // Dates in the machine's locale; the repeat in words.
    expect(screen.getByText(describeWhen(config.schedule![1]))).toBeTruthy();
    expect(describeWhen(config.schedule![1])).toMatch(/, then every Sunday$/);
    expect(screen.getByText("Where they overlap, Christmas closure (listed first) wins for closure.")).toBeTruthy();
  });

  it("moves an entry up, and the server's message about it moves along", () => {
    render(<Harness level="edit" serverErrors={{ "schedule[2].calendar": "There is no calendar us-holidays." }} />);
    fireEvent.click(screen.getByRole("button", { name: "Move Company holidays up" }));
    expect(titles()).toEqual(["1. Christmas closure", "2. Company holidays", "3. Sunday maintenance"]);
    const moved = screen.getByRole("alert");
    expect(moved.textContent).toBe("Calendar: There is no calendar us-holidays.");
    expect(moved.closest("li")?.querySelector("h3")?.textContent).toBe("2. Company holidays");
    // Company holidays now wins over nothing below it and still loses closure to Christmas closure.
    expect(screen.getByText("Where they overlap, Christmas closure (listed first) wins for closure.")).toBeTruthy();
  });

  it("cannot move the first entry up or the last down", () => {
    render(<Harness level="edit" />);
    expect((screen.getByRole("button", { name: "Move Christmas closure up" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Move Company holidays down" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("removes an entry with its messages", () => {
    render(<Harness level="edit" serverErrors={{ "schedule[0].end": "Too late.", "schedule[2].calendar": "There is no calendar us-holidays." }} />);
    fireEvent.click(screen.getByRole("button", { name: "Remove Christmas closure" }));
    expect(titles()).toEqual(["1. Sunday maintenance", "2. Company holidays"]);
    expect(screen.getAllByRole("alert").map((a) => a.textContent)).toEqual(["Calendar: There is no calendar us-holidays."]);
  });

  it("lets Edit users change entries but shows the zone read-only, saying why", () => {
    render(<Harness level="edit" />);
    expect(screen.getByText("Changing the time zone needs Full access.")).toBeTruthy();
    expect(screen.getByText("UTC (the settings' default)")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add entry" })).toBeTruthy();
  });

  it("gives Read users no way to change anything", () => {
    render(<Harness level="read" />);
    expect(screen.queryByRole("button", { name: "Add entry" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Move / })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Change / })).toBeNull();
  });
});
