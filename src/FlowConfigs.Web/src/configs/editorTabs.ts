// The editor's sections, in the order the tabs show them; the open one is in the URL (?tab=) so a link can open it.
export type EditorTab = "details" | "variables" | "prompts" | "schedule" | "history";

export function editorTabs(create: boolean): EditorTab[] {
  return create ? ["details", "variables", "prompts", "schedule"] : ["details", "variables", "prompts", "schedule", "history"];
}

/** The tab a URL asks for, or the first when it names none this page has. */
export function editorTabOf(requested: string | null | undefined, create: boolean): EditorTab {
  const tabs = editorTabs(create);
  return tabs.find((t) => t === requested) ?? tabs[0];
}
