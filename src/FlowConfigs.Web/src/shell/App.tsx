import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation, useNavigate } from "react-router-dom";
import AppLayout from "@cloudscape-design/components/app-layout";
import BreadcrumbGroup from "@cloudscape-design/components/breadcrumb-group";
import Flashbar from "@cloudscape-design/components/flashbar";
import SplitPanel from "@cloudscape-design/components/split-panel";
import SideNavigation from "@cloudscape-design/components/side-navigation";
import TopNavigation from "@cloudscape-design/components/top-navigation";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { useAuth } from "../auth/AuthContext";
import { SignInPage } from "../auth/SignInPage";
import { CalendarListPage } from "../calendars/CalendarListPage";
import { CalendarPage } from "../calendars/CalendarPage";
import { ConfigEditorPage } from "../configs/ConfigEditorPage";
import { ConfigListPage } from "../configs/ConfigListPage";
import { AuditPage } from "../audit/AuditPage";
import { HistoryPage } from "../history/HistoryPage";
import { OperationsPage } from "../operations/OperationsPage";
import { ReviewsPage } from "../reviews/ReviewsPage";
import { ImportExportPage } from "../transfer/ImportExportPage";
import { InsightsPage } from "../usage/InsightsPage";
import { SettingsPage } from "../settings/SettingsPage";
import { isFramed } from "./framing";
import { focusPageHeading } from "./pageFocus";
import { flashbarItems, ShellProvider, useShell, useShellState } from "./ShellContext";
import "./shell.css";

// Below Cloudscape's mobile breakpoint the navigation is a drawer over the page and starts closed.
const wideViewport = () => window.matchMedia("(min-width: 689px)").matches;
// Framed (the Agent Workspace gives the app a narrow column) and on small screens, the preview starts folded.
const previewRoomy = () => window.matchMedia("(min-width: 1200px)").matches;

const splitPanelStrings = {
  preferencesTitle: "Preview preferences",
  preferencesPositionLabel: "Preview position",
  preferencesPositionDescription: "Show the preview beside the page or below it.",
  preferencesPositionSide: "Side",
  preferencesPositionBottom: "Bottom",
  preferencesConfirm: "Confirm",
  preferencesCancel: "Cancel",
  closeButtonAriaLabel: "Close preview",
  openButtonAriaLabel: "Open preview",
  resizeHandleAriaLabel: "Resize preview",
};

/** The link to the page's own content, past the navigation: the page's title takes focus. */
function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const target = document.querySelector<HTMLElement>("#main-content h1") ?? document.getElementById("main-content");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  };
  return <a className="skip-link" href="#main-content" onClick={skip}>Skip to main content</a>;
}

function Shell() {
  const { session, me, signOut, init } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { notifications, breadcrumbs, splitPanel } = useShellState();
  const { dismiss } = useShell();
  // Inside the Agent Workspace the workspace is the top navigation; the app's own would be a second bar.
  const [framed] = useState(() => isFramed());
  const [navigationOpen, setNavigationOpen] = useState(() => !framed && wideViewport());
  const [splitPanelOpen, setSplitPanelOpen] = useState(() => !framed && previewRoomy());
  const [splitPanelPosition, setSplitPanelPosition] = useState<"side" | "bottom">("side");

  // After in-app navigation (not the first load, where reading starts at the top anyway) focus goes to the new page's title.
  const firstPath = useRef(location.pathname);
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = "";
    return focusPageHeading(document.getElementById("main-content") ?? document);
  }, [location.pathname]);

  if (!session) return <SignInPage />;
  const signOutItem = { type: "link" as const, text: `Sign out (${me?.username ?? ""})`, href: "#sign-out" };
  return (
    <>
      <SkipLink />
      {!framed && (
        <div id="top-nav">
          <TopNavigation
            i18nStrings={{ overflowMenuTriggerText: "More", overflowMenuTitleText: "All", searchIconAriaLabel: "Search", searchDismissIconAriaLabel: "Close search" }}
            identity={{ href: "/", title: init.branding.productName, onFollow: (e) => { e.preventDefault(); navigate("/"); } }}
            utilities={[{
              type: "menu-dropdown",
              text: me?.username ?? "",
              ariaLabel: `Signed in as ${me?.username ?? ""}`,
              iconName: "user-profile",
              items: [{ id: "signout", text: "Sign out" }],
              onItemClick: ({ detail }) => { if (detail.id === "signout") signOut(); },
            }]}
          />
        </div>
      )}
      <AppLayout
        headerSelector={framed ? undefined : "#top-nav"}
        toolsHide
        stickyNotifications
        notifications={<Flashbar items={flashbarItems(notifications, dismiss)} stackItems={notifications.length > 2} />}
        breadcrumbs={breadcrumbs.length > 0 ? (
          <BreadcrumbGroup items={breadcrumbs} ariaLabel="Breadcrumbs" expandAriaLabel="Show path"
            onFollow={(e) => { e.preventDefault(); navigate(e.detail.href); }} />
        ) : undefined}
        splitPanel={splitPanel ? <SplitPanel header={splitPanel.header} i18nStrings={splitPanelStrings}>{splitPanel.content}</SplitPanel> : undefined}
        splitPanelOpen={splitPanelOpen}
        onSplitPanelToggle={({ detail }) => setSplitPanelOpen(detail.open)}
        splitPanelPreferences={{ position: splitPanelPosition }}
        onSplitPanelPreferencesChange={({ detail }) => setSplitPanelPosition(detail.position)}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        ariaLabels={{ navigation: "Side navigation", navigationClose: "Close side navigation", navigationToggle: "Open side navigation", notifications: "Notifications" }}
        navigation={
          <SideNavigation
            header={framed ? { text: init.branding.productName, href: "/" } : undefined}
            activeHref={activeSection(location.pathname)}
            onFollow={(e) => {
              e.preventDefault();
              if (e.detail.href === signOutItem.href) signOut();
              else navigate(e.detail.href);
            }}
            items={[
              { type: "link", text: "Flow configs", href: "/" },
              { type: "link", text: "Calendars", href: "/calendars" },
              { type: "link", text: "Reviews", href: "/reviews" },
              { type: "link", text: "Insights", href: "/insights" },
              ...(me?.canViewAudit ? [{ type: "link" as const, text: "Audit", href: "/audit" }] : []),
              ...(me?.canViewOperations ? [{ type: "link" as const, text: "Operations", href: "/operations" }] : []),
              ...(me?.canCreateConfigs ? [{ type: "link" as const, text: "Import and export", href: "/import" }] : []),
              ...(me?.canManageSettings ? [{ type: "link" as const, text: "Settings", href: "/settings" }] : []),
              // Framed there is no top navigation with the user's menu; signing out lives here instead.
              ...(framed ? [{ type: "divider" as const }, signOutItem] : []),
            ]}
          />
        }
        content={<div id="main-content"><Outlet /></div>}
      />
    </>
  );
}

/** The side navigation's entry for a page: its section's first page. */
function activeSection(pathname: string): string {
  for (const section of ["/settings", "/import", "/calendars", "/reviews", "/audit", "/operations", "/insights"]) if (pathname === section || pathname.startsWith(`${section}/`)) return section;
  return "/";
}

function OidcCallback() {
  const { completeOidcSignIn } = useAuth();
  const navigate = useNavigate();
  // In a sign-in popup (the framed app signs in through one) completing closes the popup; otherwise the app opens.
  useEffect(() => { completeOidcSignIn().finally(() => navigate("/", { replace: true })); }, [completeOidcSignIn, navigate]);
  return null;
}

const router = createBrowserRouter([
  { path: "/auth/callback", element: <OidcCallback /> },
  {
    element: <Shell />,
    children: [
      { path: "/", element: <ConfigListPage /> },
      { path: "/configs/new", element: <ConfigEditorPage create key="new" /> },
      { path: "/configs/:id", element: <ConfigEditorPage key="edit" /> },
      { path: "/configs/:id/history", element: <HistoryPage /> },
      { path: "/import", element: <ImportExportPage /> },
      { path: "/settings", element: <SettingsPage /> },
      { path: "/reviews", element: <ReviewsPage /> },
      { path: "/audit", element: <AuditPage /> },
      { path: "/operations", element: <OperationsPage /> },
      { path: "/insights", element: <InsightsPage /> },
      { path: "/calendars", element: <CalendarListPage /> },
      { path: "/calendars/:id", element: <CalendarPage /> },
      { path: "*", element: <Navigate to="/" replace /> },
    ],
  },
]);

export function App() {
  return (
    <ShellProvider>
      <RouterProvider router={router} />
    </ShellProvider>
  );
}
