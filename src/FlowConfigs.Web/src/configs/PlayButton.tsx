import { useState } from "react";
import Button from "@cloudscape-design/components/button";
import { useAuth } from "../auth/AuthContext";

/** Hear a prompt before it goes live: the gateway synthesizes it (espeak-ng locally, Polly in AWS). */
export function PlayButton({ text, languageCode, voiceId, label }: { text: string; languageCode: string; voiceId?: string; label: string }) {
  const { api } = useAuth();
  const [state, setState] = useState<"idle" | "loading" | "error">("idle");
  const play = async () => {
    setState("loading");
    try {
      const audio = new Audio(URL.createObjectURL(await api.speech(text, languageCode, voiceId)));
      await audio.play().catch(() => undefined);
      setState("idle");
    } catch {
      setState("error");
    }
  };
  return (
    <Button formAction="none" iconName={state === "error" ? "status-warning" : "caret-right-filled"} loading={state === "loading"} disabled={text.trim() === ""}
      ariaLabel={label} onClick={() => void play()}>
      {state === "error" ? "Could not play" : "Play"}
    </Button>
  );
}
