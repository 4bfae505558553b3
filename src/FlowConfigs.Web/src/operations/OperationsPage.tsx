import { useCallback, useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import type { ClusterView, SiloView } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { usePage } from "../shell/ShellContext";
import { formatHitRate, formatUptime, formatVersion, siloStatusLabel, siloStatusType } from "./clusterFormat";

/** How often the view refreshes itself while the page is on screen. */
const refreshEveryMs = 10_000;

/** Every task of the cluster: what membership says of it, its build, activations and how it answers GetConfig. */
export function OperationsPage() {
  usePage("Operations", [{ text: "Flow configs", href: "/" }, { text: "Operations", href: "/operations" }]);
  const { api, me } = useAuth();
  const [view, setView] = useState<ClusterView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const allowed = me?.canViewOperations === true;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setView(await api.cluster());
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api]);

  // Refreshes only while the tab is visible, and at once when it becomes visible again.
  useEffect(() => {
    if (!allowed) return;
    void load();
    const timer = window.setInterval(() => { if (document.visibilityState === "visible") void load(); }, refreshEveryMs);
    const onVisible = () => { if (document.visibilityState === "visible") void load(); };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [allowed, load]);

  if (me && !allowed)
    return <Alert type="info" header="No access to operations">The cluster view needs Full access on every flow config (*): the FlowConfigAdmin group, or a FlowConfigFull pattern of *.</Alert>;

  const silos = view?.silos ?? [];
  const active = silos.filter((s) => s.status === "Active").length;
  return (
    <ContentLayout header={<Header variant="h1" description="Every task of the cluster as membership sees it, with each task's own build and read figures.">Operations</Header>}>
      <SpaceBetween size="l">
        {error && <Alert type="error" header="The cluster view could not be loaded">{error}</Alert>}
        <Table
          variant="container"
          items={silos}
          loading={loading && !view}
          loadingText="Loading the cluster"
          trackBy="address"
          wrapLines
          ariaLabels={{ tableLabel: "Tasks" }}
          header={
            <Header variant="h2" counter={`(${active} active${silos.length > active ? ` of ${silos.length}` : ""})`}
              description={view ? `As of ${new Date(view.at).toLocaleTimeString()}; refreshes every 10 seconds. Tasks that died in the last hour stay listed.` : undefined}
              actions={<Button iconName="refresh" loading={loading && !!view} onClick={() => void load()} ariaLabel="Refresh the cluster view">Refresh</Button>}>
              Tasks
            </Header>
          }
          empty={<Box textAlign="center">No tasks reported.</Box>}
          columnDefinitions={[
            { id: "task", header: "Task", cell: (s) => <TaskCell silo={s} /> },
            { id: "status", header: "Status", minWidth: 140, cell: (s) => <StatusCell silo={s} /> },
            { id: "uptime", header: "Uptime", cell: (s) => formatUptime(s.uptimeSeconds) },
            { id: "hitRate", header: "Read-copy hit rate", cell: (s) => <HitRateCell silo={s} /> },
            { id: "activations", header: "Activations", cell: (s) => s.activations ?? "-" },
            { id: "version", header: "Version", cell: (s) => <span title={s.version ?? undefined}>{formatVersion(s.version)}</span> },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}

function TaskCell({ silo }: { silo: SiloView }) {
  return (
    <SpaceBetween size="xxxs">
      <SpaceBetween size="xs" direction="horizontal">
        <span>{silo.name || silo.address}</span>
        {silo.isThisSilo && <Badge color="blue">This task</Badge>}
      </SpaceBetween>
      <Box variant="small">{silo.host} · {silo.address}</Box>
    </SpaceBetween>
  );
}

function StatusCell({ silo }: { silo: SiloView }) {
  return (
    <SpaceBetween size="xxxs">
      <StatusIndicator type={siloStatusType(silo.status)}>{siloStatusLabel(silo.status)}</StatusIndicator>
      {silo.status === "Dead" && <Box variant="small">Last seen {new Date(silo.lastSeenAt).toLocaleTimeString()}</Box>}
    </SpaceBetween>
  );
}

function HitRateCell({ silo }: { silo: SiloView }) {
  const figures = silo.readCopies;
  return (
    <SpaceBetween size="xxxs">
      <span>{formatHitRate(figures)}</span>
      {figures && <Box variant="small">{figures.hits.toLocaleString()} hits, {figures.misses.toLocaleString()} misses, {figures.copies.toLocaleString()} copies</Box>}
    </SpaceBetween>
  );
}
