import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import type { AppSettings, Draft, FlowConfig, Me } from "../api/types";
import { ShellProvider } from "../shell/ShellContext";
import { ConfigEditorPage } from "./ConfigEditorPage";

const auth: { api: Record<string, unknown>; me: Me } = {
  api: {},
  me: { username: "bob", groups: [], tags: { full: ["*"], edit: [], read: [] }, canCreateConfigs: true, canManageSettings: true, canManageCalendars: true, canViewAudit: true, canViewOperations: true },
};
vi.mock("../auth/AuthContext", () => ({ useAuth: () => auth }));

const live: FlowConfig = { id: "queue/billing", description: "Billing", variables: {}, prompts: {}, version: 7 };
const settings = (approvers: number): AppSettings => ({ locales: [], approvals: approvers ? [{ pattern: "queue/*", approvers }] : [] });
const draftOf = (document: FlowConfig, version: number): Draft => ({
  id: document.id, version, base: 7, document: { ...document, version: 7 }, state: "draft", authors: ["bob"], approvals: [], comments: [], approvalsRequired: 1,
  createdAt: "2026-12-01T10:00:00+00:00", createdBy: "bob", updatedAt: "2026-12-01T10:00:00+00:00", updatedBy: "bob",
});

function open(approvers: number, existing: Draft | null = null, level = "full") {
  const saveDraft = vi.fn((config: FlowConfig) => Promise.resolve({ draft: draftOf(config, 1), etag: '"1"' }));
  const save = vi.fn((config: FlowConfig) => Promise.resolve({ ...config, version: 8 }));
  auth.api = {
    get: () => Promise.resolve({ config: live, etag: '"7"' }),
    levelOn: () => Promise.resolve(level),
    draft: () => Promise.resolve(existing && { draft: existing, etag: `"${existing.version}"` }),
    settings: () => Promise.resolve(settings(approvers)),
    saveDraft,
    save,
  };
  const router = createMemoryRouter([{ path: "/configs/:id", element: <ConfigEditorPage /> }], { initialEntries: ["/configs/queue%2Fbilling"] });
  render(<ShellProvider><RouterProvider router={router} /></ShellProvider>);
  return { saveDraft, save };
}

// Closed Cloudscape modals stay in the document (jsdom applies no styles): only the open one's controls count.
const shown = (element: HTMLElement) => element.closest('[class*="awsui_hidden"]') === null;
const inPage = (name: string) => screen.queryAllByRole("button", { name }).filter((b) => shown(b) && !b.closest('[role="dialog"]'));
const inModal = (name: string) => screen.getAllByRole("button", { name }).filter((b) => shown(b) && b.closest('[role="dialog"]'))[0];
const reasonField = () => screen.getAllByRole("textbox", { name: /^Reason for the emergency change/ }).filter(shown)[0];

const describeAs = async (text: string) => {
  fireEvent.change(await screen.findByRole("textbox", { name: /^Description/ }, patience), { target: { value: text } });
};

// The whole editor renders in jsdom: slow on a busy machine, so these wait longer than the defaults (no timing is asserted).
const patience = { timeout: 15_000 };

describe("ConfigEditorPage with change control", { timeout: 60_000 }, () => {
  afterEach(cleanup);

  it("saves a config that needs approval only as a draft, then saves to that draft with its version", async () => {
    const { saveDraft, save } = open(1);
    await screen.findByText("Changes need approval", {}, patience);
    expect(inPage("Save")).toEqual([]);
    await describeAs("Billing, longer hours");
    fireEvent.click(inPage("Save as draft")[0]);
    fireEvent.click(inModal("Save as draft"));
    await waitFor(() => expect(saveDraft).toHaveBeenCalledTimes(1), patience);
    expect(saveDraft.mock.calls[0]).toEqual([{ ...live, description: "Billing, longer hours" }, { create: true }]);

    await screen.findByText("Editing the draft", {}, patience);
    await describeAs("Billing, even longer hours");
    fireEvent.click(inPage("Save draft")[0]);
    fireEvent.click(inModal("Save as draft"));
    await waitFor(() => expect(saveDraft).toHaveBeenCalledTimes(2), patience);
    expect(saveDraft.mock.calls[1]).toEqual([{ ...live, description: "Billing, even longer hours" }, { etag: '"1"' }]);
    expect(save).not.toHaveBeenCalled();
  });

  it("puts an emergency change live with its reason", async () => {
    const { save } = open(2);
    await describeAs("Closed: storm");
    fireEvent.click(inPage("Emergency change")[0]);
    fireEvent.change(reasonField(), { target: { value: "Storm" } });
    fireEvent.click(inModal("Emergency save"));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ ...live, description: "Closed: storm" }, { etag: '"7"', emergencyReason: "Storm" }), patience);
  });

  it("offers no emergency to an Edit user", async () => {
    open(2, null, "edit");
    await screen.findByText("Changes need approval", {}, patience);
    expect(inPage("Emergency change")).toEqual([]);
  });

  it("saves live and offers Save as draft beside it when no approval is needed", async () => {
    const { save } = open(0);
    await describeAs("Billing queue");
    expect(inPage("Save as draft")).toHaveLength(1);
    fireEvent.click(inPage("Save")[0]);
    fireEvent.click(inModal("Save"));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ ...live, description: "Billing queue" }, { etag: '"7"', emergencyReason: undefined }), patience);
  });

  it("says a draft is waiting and by whom, and starts no second one", async () => {
    open(1, { ...draftOf({ ...live, description: "Proposed" }, 3), authors: ["alice", "dave"], state: "submitted" });
    expect(await screen.findByText("A draft by alice and dave is waiting (state: In review)", {}, patience)).toBeTruthy();
    expect(inPage("Open draft")).toHaveLength(1);
    await describeAs("Something else");
    expect(inPage("Save as draft")[0].getAttribute("aria-disabled")).toBe("true");
  });
});
