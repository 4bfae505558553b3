import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Table from "@cloudscape-design/components/table";
import type { RevisionSummary } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { historyPath } from "../configs/paths";
import { RevisionAction } from "./RevisionAction";

const recentCount = 5;

/** The last few changes to a config, for the editor's History tab; the full page compares and rolls back. */
export function HistoryRecent({ id, version }: { id: string; version?: number }) {
  const { api } = useAuth();
  const navigate = useNavigate();
  const [items, setItems] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Reloaded when the config's version changes, so a save shows up here at once.
  useEffect(() => {
    api.history(id).then((h) => { setItems(h.items.slice(0, recentCount)); setError(null); }, (e: Error) => setError(e.message));
  }, [api, id, version]);

  const full = historyPath(id);
  return (
    <Table
      variant="container"
      items={items ?? []}
      loading={items === null && !error}
      loadingText="Loading history"
      ariaLabels={{ tableLabel: "Recent changes" }}
      header={
        <Header variant="h2" description="The latest changes, newest first."
          actions={<Link href={full} onFollow={(e) => { e.preventDefault(); navigate(full); }}>View full history</Link>}>
          Recent changes
        </Header>
      }
      empty={<Box textAlign="center">{error ?? "No history."}</Box>}
      columnDefinitions={[
        { id: "version", header: "Version", cell: (r) => r.version },
        { id: "action", header: "Action", cell: (r) => <RevisionAction revision={r} /> },
        { id: "by", header: "By", cell: (r) => r.by },
        { id: "at", header: "When", cell: (r) => new Date(r.at).toLocaleString() },
      ]}
    />
  );
}
