import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation, useNavigate } from "react-router-dom";
import AppLayout from "@cloudscape-design/components/app-layout";
import BreadcrumbGroup from "@cloudscape-design/components/breadcrumb-group";
import Flashbar from "@cloudscape-design/components/flashbar";
import SplitPanel from "@cloudscape-design/components/split-panel";
import SideNavigation from "@cloudscape-design/components/side-navigation";
import TopNavigation from "@cloudscape-design/components/top-navigation";
import { useEffect } from "react";
import { useAuth } from "../auth/AuthContext";
import { SignInPage } from "../auth/SignInPage";
import { ConfigEditorPage } from "../configs/ConfigEditorPage";
import { ConfigListPage } from "../configs/ConfigListPage";
import { HistoryPage } from "../history/HistoryPage";
import { ImportExportPage } from "../transfer/ImportExportPage";
import { SettingsPage } from "../settings/SettingsPage";
import { flashbarItems, ShellProvider, useShell, useShellState } from "./ShellContext";

function Shell() {
  const { session, me, signOut, init } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { notifications, breadcrumbs, splitPanel } = useShellState();
  const { dismiss } = useShell();
  if (!session) return <SignInPage />;
  return (
    <>
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
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        stickyNotifications
        notifications={<Flashbar items={flashbarItems(notifications, dismiss)} stackItems={notifications.length > 2} />}
        breadcrumbs={breadcrumbs.length > 0 ? (
          <BreadcrumbGroup items={breadcrumbs} ariaLabel="Breadcrumbs" expandAriaLabel="Show path"
            onFollow={(e) => { e.preventDefault(); navigate(e.detail.href); }} />
        ) : undefined}
        splitPanel={splitPanel ? <SplitPanel header={splitPanel.header} hidePreferencesButton>{splitPanel.content}</SplitPanel> : undefined}
        ariaLabels={{ navigation: "Side navigation", navigationClose: "Close side navigation", navigationToggle: "Open side navigation", notifications: "Notifications" }}
        navigation={
          <SideNavigation
            activeHref={location.pathname.startsWith("/settings") ? "/settings" : location.pathname.startsWith("/import") ? "/import" : "/"}
            onFollow={(e) => { e.preventDefault(); navigate(e.detail.href); }}
            items={[
              { type: "link", text: "Flow configs", href: "/" },
              ...(me?.canCreateConfigs ? [{ type: "link" as const, text: "Import and export", href: "/import" }] : []),
              ...(me?.canManageSettings ? [{ type: "link" as const, text: "Settings", href: "/settings" }] : []),
            ]}
          />
        }
        content={<Outlet />}
      />
    </>
  );
}

function OidcCallback() {
  const { completeOidcSignIn } = useAuth();
  const navigate = useNavigate();
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
