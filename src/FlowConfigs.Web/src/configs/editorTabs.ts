// The editor's sections, in the order the tabs show them; the open one is in the URL (?tab=) so a link can open it.
export type EditorTab = "details" | "variables" | "prompts" | "schedule" | "draft" | "history" | "usage";

/**
 * A new config has no draft or history yet; one that exists only as a draft (not live yet) has a draft but no history,
 * nor usage (contact flows cannot read it).
 */
export function editorTabs(create: boolean, live = true): EditorTab[] {
  if (create) return ["details", "variables", "prompts", "schedule"];
  return live ? ["details", "variables", "prompts", "schedule", "draft", "history", "usage"] : ["details", "variables", "prompts", "schedule", "draft"];
}

/** The tab a URL asks for, or the first when it names none this page has. */
export function editorTabOf(requested: string | null | undefined, create: boolean, live = true): EditorTab {
  const tabs = editorTabs(create, live);
  return tabs.find((t) => t === requested) ?? tabs[0];
}
