// A config id may contain '/', so in the app's URLs it is one percent-encoded segment, as in the API's.
export const editorPath = (id: string) => `/configs/${encodeURIComponent(id)}`;
export const historyPath = (id: string) => `/configs/${encodeURIComponent(id)}/history`;
export const draftPath = (id: string) => `${editorPath(id)}?tab=draft`;
/** A prompt on the editor's Prompts tab; the editor scrolls to it and, when the prompt has the language, to its text. */
export const promptPath = (id: string, prompt: string, language?: string) =>
  `${editorPath(id)}?${new URLSearchParams({ tab: "prompts", prompt, ...(language ? { language } : {}) })}`;
export const usagePath = (id: string) => `${editorPath(id)}?tab=usage`;
/** The create page with the id filled in (an id contact flows ask for that no config has yet). */
export const createPath = (id?: string) => (id ? `/configs/new?${new URLSearchParams({ id })}` : "/configs/new");
