import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import type { FlowConfig, Locale } from "../api/types";
import { PromptsEditor, type PromptFocus } from "./PromptsEditor";

vi.mock("./PlayButton", () => ({ PlayButton: () => null }));

const config: FlowConfig = {
  id: "queue/support",
  description: "d",
  variables: {},
  prompts: {
    hold: { "en-US": { voice: "Please hold." } },
    welcome: { "en-US": { voice: "Welcome." }, "fr-CA": { voice: "" } },
  },
};
const locales: Locale[] = [
  { code: "en-US", name: "English (US)", voices: [] },
  { code: "es-US", name: "Spanish (US)", voices: [] },
  { code: "fr-CA", name: "French (Canada)", voices: [] },
];

const renderWith = (focus?: PromptFocus) =>
  render(<PromptsEditor config={config} locales={locales} canEditValues canEditStructure errors={{}} onChange={() => {}} focus={focus} />);

describe("PromptsEditor, opened from a link to one prompt", { timeout: 30_000 }, () => {
  const scrolled: Element[] = [];
  beforeEach(() => {
    scrolled.length = 0;
    // jsdom lays nothing out; what matters is which element was brought into view.
    Element.prototype.scrollIntoView = function (this: Element) { scrolled.push(this); };
  });
  afterEach(cleanup);

  it("brings the prompt into view and focuses its text in the language the link names", () => {
    renderWith({ prompt: "welcome", language: "fr-CA" });
    expect(document.activeElement).toBe(screen.getByLabelText("Voice text, welcome fr-CA"));
    expect(scrolled).toHaveLength(1);
    expect(scrolled[0].textContent).toContain("welcome");
    expect(scrolled[0].textContent).not.toContain("hold");
  });

  it("offers to add a language the prompt lacks, chosen already, and focuses the button that adds it", () => {
    renderWith({ prompt: "hold", language: "es-US" });
    const add = screen.getAllByRole("button", { name: "Add language" });
    // hold comes first: its button is the first, and the only one enabled (nothing is chosen for welcome).
    expect(document.activeElement).toBe(add[0]);
    expect(add[1].hasAttribute("disabled") || add[1].getAttribute("aria-disabled") === "true").toBe(true);
    expect(screen.getByLabelText("Add a language to hold").textContent).toContain("es-US");
  });

  it("moves nothing without a link, nor for a prompt the config does not have", () => {
    renderWith();
    renderWith({ prompt: "gone", language: "fr-CA" });
    expect(scrolled).toHaveLength(0);
    expect(document.activeElement).toBe(document.body);
  });
});
