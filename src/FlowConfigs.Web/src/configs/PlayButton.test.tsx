import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { PlayButton } from "./PlayButton";

vi.mock("../auth/AuthContext", () => ({
  useAuth: () => ({ api: { speech: () => Promise.resolve(new Blob(["RIFF"], { type: "audio/wav" })) } }),
}));

// jsdom has no media playback: each play() succeeds and the element is kept so a test can end it.
let playing: HTMLMediaElement[] = [];

describe("PlayButton", () => {
  beforeEach(() => {
    playing = [];
    vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (this: HTMLMediaElement) {
      playing.push(this);
      return Promise.resolve();
    });
    vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => undefined);
    URL.createObjectURL = vi.fn(() => "blob:preview");
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("turns into Stop while playing, and back when stopped or finished", async () => {
    render(<PlayButton text="Hello" languageCode="en-US" label="Play welcome en-US" />);
    fireEvent.click(screen.getByRole("button", { name: "Play welcome en-US" }));
    fireEvent.click(await screen.findByRole("button", { name: "Stop welcome en-US" }));
    expect(HTMLMediaElement.prototype.pause).toHaveBeenCalled();
    fireEvent.click(await screen.findByRole("button", { name: "Play welcome en-US" }));
    await screen.findByRole("button", { name: "Stop welcome en-US" });
    fireEvent(playing[1], new Event("ended"));
    expect(await screen.findByRole("button", { name: "Play welcome en-US" })).toBeTruthy();
  });

  it("plays one prompt at a time", async () => {
    render(<>
      <PlayButton text="Hello" languageCode="en-US" label="Play welcome en-US" />
      <PlayButton text="Hola" languageCode="es-US" label="Play welcome es-US" />
    </>);
    fireEvent.click(screen.getByRole("button", { name: "Play welcome en-US" }));
    await screen.findByRole("button", { name: "Stop welcome en-US" });
    fireEvent.click(screen.getByRole("button", { name: "Play welcome es-US" }));
    await screen.findByRole("button", { name: "Stop welcome es-US" });
    expect(screen.getByRole("button", { name: "Play welcome en-US" })).toBeTruthy();
  });
});
