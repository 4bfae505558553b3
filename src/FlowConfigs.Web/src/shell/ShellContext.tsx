import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { BreadcrumbGroupProps } from "@cloudscape-design/components/breadcrumb-group";
import type { FlashbarProps } from "@cloudscape-design/components/flashbar";

/** A result the shell shows in its sticky notifications bar, above whatever part of the page the user is looking at. */
export interface Notification {
  /** Same id replaces the earlier message (e.g. a second save replaces "Saved version 2"). */
  id: string;
  type: "success" | "error" | "warning" | "info";
  header?: ReactNode;
  content?: ReactNode;
  action?: ReactNode;
  /** Success messages disappear by themselves unless this is false; the others stay until dismissed. */
  autoDismiss?: boolean;
}

/** Side content a page may open next to itself (the editor's preview). */
export interface SplitPanelContent {
  header: string;
  content: ReactNode;
}

export interface ShellState {
  notifications: Notification[];
  breadcrumbs: BreadcrumbGroupProps.Item[];
  splitPanel: SplitPanelContent | null;
}

interface ShellApi {
  notify: (notification: Notification) => void;
  dismiss: (id: string) => void;
  setBreadcrumbs: (items: BreadcrumbGroupProps.Item[]) => void;
  setSplitPanel: (panel: SplitPanelContent | null) => void;
}

const ShellApiContext = createContext<ShellApi | null>(null);
const ShellStateContext = createContext<ShellState | null>(null);

const successLifetimeMs = 8000;

/** Holds what pages hand to the layout around them: notifications, breadcrumbs and the split panel. */
export function ShellProvider({ children }: { children: ReactNode }) {
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const [breadcrumbs, setBreadcrumbs] = useState<BreadcrumbGroupProps.Item[]>([]);
  const [splitPanel, setSplitPanel] = useState<SplitPanelContent | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: string) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setNotifications((current) => current.filter((n) => n.id !== id));
  }, []);

  const notify = useCallback((notification: Notification) => {
    setNotifications((current) => [notification, ...current.filter((n) => n.id !== notification.id)]);
    clearTimeout(timers.current.get(notification.id));
    timers.current.delete(notification.id);
    if (notification.type === "success" && notification.autoDismiss !== false)
      timers.current.set(notification.id, setTimeout(() => dismiss(notification.id), successLifetimeMs));
  }, [dismiss]);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const api = useMemo<ShellApi>(() => ({ notify, dismiss, setBreadcrumbs, setSplitPanel }), [notify, dismiss]);
  const state = useMemo<ShellState>(() => ({ notifications, breadcrumbs, splitPanel }), [notifications, breadcrumbs, splitPanel]);
  return (
    <ShellApiContext.Provider value={api}>
      <ShellStateContext.Provider value={state}>{children}</ShellStateContext.Provider>
    </ShellApiContext.Provider>
  );
}

/** What a page uses to talk to the layout; stable across renders, so it is safe in effect dependencies. */
export function useShell(): ShellApi {
  const api = useContext(ShellApiContext);
  if (!api) throw new Error("useShell must be used inside ShellProvider");
  return api;
}

/** What the layout renders. */
export function useShellState(): ShellState {
  const state = useContext(ShellStateContext);
  if (!state) throw new Error("useShellState must be used inside ShellProvider");
  return state;
}

/** Flashbar items for the notifications, each dismissible. */
export function flashbarItems(notifications: Notification[], dismiss: (id: string) => void): FlashbarProps.MessageDefinition[] {
  return notifications.map((n) => ({
    id: n.id,
    type: n.type,
    header: n.header,
    content: n.content,
    action: n.action,
    dismissible: true,
    dismissLabel: "Dismiss message",
    onDismiss: () => dismiss(n.id),
  }));
}

/**
 * A page's title and breadcrumbs: sets the document title ("<title> · <product>"), hands the breadcrumbs to the layout,
 * and clears what the page set when it goes.
 */
export function usePage(title: string, breadcrumbs: BreadcrumbGroupProps.Item[], productName = "FlowConfigs") {
  const { setBreadcrumbs, setSplitPanel } = useShell();
  const key = JSON.stringify(breadcrumbs);
  useEffect(() => {
    document.title = title ? `${title} · ${productName}` : productName;
  }, [title, productName]);
  useEffect(() => {
    setBreadcrumbs(JSON.parse(key) as BreadcrumbGroupProps.Item[]);
  }, [key, setBreadcrumbs]);
  useEffect(() => () => { setBreadcrumbs([]); setSplitPanel(null); }, [setBreadcrumbs, setSplitPanel]);
}
