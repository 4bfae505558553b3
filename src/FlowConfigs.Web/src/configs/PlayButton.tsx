import { useEffect, useRef, useState } from "react";
import Button from "@cloudscape-design/components/button";
import { useAuth } from "../auth/AuthContext";

/**
 * The one preview playing (or being fetched) on the page: starting another stops it, so two prompts never talk over
 * each other.
 */
let stopCurrent: (() => void) | null = null;

/** "Play welcome en-US" → "Stop welcome en-US". */
function stopLabel(label: string): string {
  return label.startsWith("Play ") ? `Stop ${label.slice("Play ".length)}` : `Stop ${label}`;
}

/**
 * Hear a prompt before it goes live: the gateway synthesizes it (espeak-ng locally, Polly in AWS). While it plays the
 * same button stops it.
 */
export function PlayButton({ text, languageCode, voiceId, label }: { text: string; languageCode: string; voiceId?: string; label: string }) {
  const { api } = useAuth();
  const [state, setState] = useState<"idle" | "loading" | "playing" | "error">("idle");
  const stopRef = useRef<(() => void) | null>(null);

  // Leaving the page stops what this button started.
  useEffect(() => () => stopRef.current?.(), []);

  const play = async () => {
    stopCurrent?.();
    let audio: HTMLAudioElement | null = null;
    let url: string | null = null;
    let stopped = false;
    const stop = (next: "idle" | "error" = "idle") => {
      if (stopped) return;
      stopped = true;
      audio?.pause();
      if (url) URL.revokeObjectURL(url);
      if (stopCurrent === stop) stopCurrent = null;
      if (stopRef.current === stop) stopRef.current = null;
      setState(next);
    };
    stopCurrent = stop;
    stopRef.current = stop;
    setState("loading");
    try {
      const blob = await api.speech(text, languageCode, voiceId);
      if (stopped) return;
      url = URL.createObjectURL(blob);
      audio = new Audio(url);
      audio.addEventListener("ended", () => stop());
      audio.addEventListener("error", () => stop("error"));
      await audio.play();
      if (!stopped) setState("playing");
    } catch {
      stop("error");
    }
  };

  if (state === "playing")
    return (
      <Button formAction="none" iconName="close" ariaLabel={stopLabel(label)} onClick={() => stopRef.current?.()}>
        Stop
      </Button>
    );
  return (
    <Button formAction="none" iconName={state === "error" ? "status-warning" : "caret-right-filled"} loading={state === "loading"} disabled={text.trim() === ""}
      ariaLabel={label} onClick={() => void play()}>
      {state === "error" ? "Could not play" : "Play"}
    </Button>
  );
}
