import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ApiError } from "../api/client";
import type { AccessLevel, Draft, Me } from "../api/types";
import { ShellProvider, useShellState } from "../shell/ShellContext";
import { rejectNeedsComment } from "./DecisionModal";
import { DraftTab } from "./DraftTab";

const auth: { api: Record<string, unknown>; me: Partial<Me> } = { api: {}, me: {} };
vi.mock("../auth/AuthContext", () => ({ useAuth: () => auth }));

const submitted: Draft = {
  id: "queue/billing", version: 6, base: 7, state: "submitted", authors: ["alice"], approvals: [{ by: "carol", at: "2026-12-01T11:00:00+00:00" }],
  comments: [{ by: "alice", at: "2026-12-01T10:30:00+00:00", text: "Longer hours for the holidays", action: "submit" }], approvalsRequired: 2,
  document: { id: "queue/billing", description: "Billing", variables: { openHours: "8-18" }, prompts: {}, version: 7 },
  createdAt: "2026-12-01T10:00:00+00:00", createdBy: "alice", updatedAt: "2026-12-01T10:30:00+00:00", updatedBy: "alice",
};

/** The notifications the shell would show, so a test can read what the page told the user. */
function Notifications() {
  const { notifications } = useShellState();
  return <ul aria-label="notifications">{notifications.map((n) => <li key={n.id}>{n.header}: {n.content}</li>)}</ul>;
}

function open(username: string, level: AccessLevel, draft: Draft = submitted, api: Record<string, unknown> = {}, unsaved = false) {
  auth.me = { username };
  auth.api = {
    draftDiff: () => Promise.resolve({ base: 7, liveVersion: 7, changes: [{ path: "variables.openHours", kind: "changed", before: "9-17", after: "8-18" }] }),
    draft: () => Promise.resolve({ draft, etag: `"${draft.version}"` }),
    ...api,
  };
  const onChange = vi.fn();
  render(
    <ShellProvider>
      <DraftTab id={draft.id} stored={{ draft, etag: `"${draft.version}"` }} level={level} zone="America/Chicago" editing={unsaved} unsaved={unsaved}
        onChange={onChange} onEdit={() => {}} onPublished={() => {}} />
      <Notifications />
    </ShellProvider>,
  );
  return onChange;
}

// Cloudscape renders slowly in jsdom on a busy machine: these wait longer than the defaults (no timing is asserted).
const patience = { timeout: 15_000 };

describe("DraftTab", { timeout: 60_000 }, () => {
  afterEach(cleanup);

  it("shows state, approvals so far, authors and the field-level diff against live", async () => {
    open("bob", "full");
    expect(screen.getByText("In review")).toBeTruthy();
    expect(screen.getByText("1 of 2 (carol)")).toBeTruthy();
    expect(screen.getByText("Longer hours for the holidays")).toBeTruthy();
    expect(await screen.findByText("variables.openHours", {}, patience)).toBeTruthy();
    expect(screen.getByText("9-17")).toBeTruthy();
  });

  it("offers approve and reject to a Full user who did not write it, and not to its author", () => {
    open("bob", "full");
    expect(screen.getByRole("button", { name: "Approve" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reject" })).toBeTruthy();
    cleanup();
    open("alice", "full");
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    expect(screen.getByText("You wrote part of this draft, so others approve it.")).toBeTruthy();
  });

  it("keeps Publish now disabled until the draft has the approvals it needs", () => {
    open("alice", "edit");
    expect((screen.getByRole("button", { name: "Publish now" }) as HTMLButtonElement).getAttribute("aria-disabled")).toBe("true");
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
  });

  it("holds submitting and publishing while the editor has changes to the draft not saved yet", () => {
    const open0 = { ...submitted, state: "draft" as const, approvalsRequired: 0, approvals: [] };
    open("alice", "edit", open0);
    expect(screen.getByRole("button", { name: "Publish now" }).getAttribute("aria-disabled")).toBeNull();
    cleanup();
    open("alice", "edit", open0, {}, true);
    expect(screen.getByRole("button", { name: "Publish now" }).getAttribute("aria-disabled")).toBe("true");
    // The first is the page's; the closed decision modal keeps its own in the document.
    expect(screen.getAllByRole("button", { name: "Submit for review" })[0].getAttribute("aria-disabled")).toBe("true");
  });

  it("asks why before rejecting", async () => {
    const reject = vi.fn(() => Promise.resolve({ draft: { ...submitted, state: "rejected" }, etag: '"7"' }));
    const onChange = open("bob", "full", submitted, { rejectDraft: reject });
    fireEvent.click(screen.getByRole("button", { name: "Reject" }));
    const confirm = screen.getAllByRole("button", { name: "Reject" }).at(-1)!;
    fireEvent.click(confirm);
    expect(reject).not.toHaveBeenCalled();
    expect(screen.getByText(rejectNeedsComment)).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /^Comment/ }), { target: { value: "Wrong hours" } });
    fireEvent.click(confirm);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ draft: { ...submitted, state: "rejected" }, etag: '"7"' }), patience);
    expect(reject).toHaveBeenCalledWith("queue/billing", "Wrong hours");
  });

  it("shows the server's own words when it refuses an approval", async () => {
    const refused = new ApiError(403, "Forbidden", "alice wrote part of this draft and cannot approve it.", {}, "https://flowconfigs/problems/approver-is-author");
    open("bob", "full", submitted, { approveDraft: () => Promise.reject(refused) });
    fireEvent.click(screen.getByRole("button", { name: "Approve" }));
    fireEvent.click(screen.getAllByRole("button", { name: "Approve" }).at(-1)!);
    expect(await screen.findByText(/alice wrote part of this draft and cannot approve it\./, {}, patience)).toBeTruthy();
  });
});
