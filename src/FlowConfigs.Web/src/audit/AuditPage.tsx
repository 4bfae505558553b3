import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { ApiError } from "../api/client";
import type { AuditEntry, AuditFilters } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { editorPath } from "../configs/paths";
import { usePage, useShell } from "../shell/ShellContext";
import { downloadBlob } from "../transfer/download";
import { AuditFilterForm } from "./AuditFilterForm";
import { auditFilters, emptyAuditForm, type AuditForm } from "./auditFilters";

const noticeId = "audit";
const pageSize = 50;
const kindLabel: Record<AuditEntry["kind"], string> = { flowconfig: "Config", draft: "Draft", settings: "Settings", calendar: "Calendar" };

/** Every change to configs, drafts, settings and calendars, newest first, filtered and paged by the server; CSV for the rest. */
export function AuditPage() {
  usePage("Audit", [{ text: "Flow configs", href: "/" }, { text: "Audit", href: "/audit" }]);
  const { api, me } = useAuth();
  const { notify, dismiss } = useShell();
  const [form, setForm] = useState<AuditForm>(emptyAuditForm);
  const [applied, setApplied] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [filterProblems, setFilterProblems] = useState<Partial<Record<keyof AuditForm, string>>>({});
  const [downloading, setDownloading] = useState(false);

  const fetchPage = useCallback(async (filters: AuditFilters, after?: string) => {
    setLoading(true);
    try {
      const page = await api.audit(filters, after, pageSize);
      setEntries((current) => (after ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
      setFilterProblems({});
    } catch (e) {
      setError((e as Error).message);
      if (e instanceof ApiError) setFilterProblems({ from: e.fieldMessage("from"), to: e.fieldMessage("to"), id: e.fieldMessage("id"), user: e.fieldMessage("user"), action: e.fieldMessage("action") });
    } finally {
      setLoading(false);
    }
  }, [api]);
  // Only those who may read it ask: a refused request would be one more error in the browser's console.
  const allowed = me?.canViewAudit === true;
  useEffect(() => { if (allowed) void fetchPage({}); }, [fetchPage, allowed]);
  useEffect(() => () => dismiss(noticeId), [dismiss]);

  const search = (next: AuditForm) => {
    const filters = auditFilters(next);
    setApplied(filters);
    setEntries([]);
    void fetchPage(filters);
  };
  const download = async () => {
    setDownloading(true);
    try {
      const { blob, fileName } = await api.auditCsv(applied);
      downloadBlob(fileName, blob);
    } catch (e) {
      notify({ id: noticeId, type: "error", header: "The CSV could not be downloaded", content: (e as Error).message });
    } finally {
      setDownloading(false);
    }
  };

  if (me && !me.canViewAudit)
    return <Alert type="info" header="No access to the audit">Reading the audit needs Full access on every flow config (*): the FlowConfigAdmin group, or a FlowConfigFull pattern of *.</Alert>;

  return (
    <ContentLayout header={<Header variant="h1" description="Every change to configs, drafts, settings and calendars, and every emergency change, newest first.">Audit</Header>}>
      <SpaceBetween size="l">
        <AuditFilterForm form={form} onChange={setForm} onSearch={search} onClear={() => { setForm(emptyAuditForm); search(emptyAuditForm); }}
          serverProblems={filterProblems} />
        {error && <Alert type="error" header="The audit could not be loaded">{error}</Alert>}
        <Table
          variant="container"
          items={entries}
          loading={loading && entries.length === 0}
          loadingText="Loading the audit"
          trackBy="seq"
          wrapLines
          ariaLabels={{ tableLabel: "Audit entries" }}
          header={
            <Header variant="h2" counter={`(${entries.length}${cursor ? "+" : ""})`}
              description="Newest first. The CSV has every entry the filters match, up to 100,000."
              actions={<Button iconName="download" loading={downloading} onClick={() => void download()}>Download CSV</Button>}>
              Entries
            </Header>
          }
          empty={<Box textAlign="center">No entries match.</Box>}
          footer={cursor && (
            <Box textAlign="center">
              <Button loading={loading} onClick={() => void fetchPage(applied, cursor)}>Load more</Button>
            </Box>
          )}
          columnDefinitions={[
            // What happened and any emergency come first: on a narrow window the rest scrolls into view inside the table.
            { id: "at", header: "When", cell: (e) => new Date(e.at).toLocaleString() },
            { id: "action", header: "Action", cell: (e) => <SpaceBetween size="xxxs"><span>{e.action}</span>{e.emergency && <Badge color="red">Emergency</Badge>}</SpaceBetween> },
            { id: "id", header: "Id", cell: (e) => <EntryLink entry={e} /> },
            { id: "details", header: "Details", cell: (e) => <EntryDetails entry={e} /> },
            { id: "by", header: "By", cell: (e) => e.by },
            { id: "kind", header: "What", cell: (e) => kindLabel[e.kind] ?? e.kind },
            { id: "version", header: "Version", cell: (e) => e.version ?? "-" },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}

/** Configs and drafts open in the editor, calendars on their page; settings are one page. */
function EntryLink({ entry }: { entry: AuditEntry }) {
  const navigate = useNavigate();
  const href = entry.kind === "calendar" ? `/calendars/${encodeURIComponent(entry.id)}` : entry.kind === "settings" ? "/settings"
    : `${editorPath(entry.id)}${entry.kind === "draft" ? "?tab=draft" : ""}`;
  return <Link href={href} onFollow={(e) => { e.preventDefault(); navigate(href); }}>{entry.id}</Link>;
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const lines = [
    entry.emergency ? `Emergency: ${entry.emergency.reason}` : null,
    entry.approvedBy?.length ? `Approved by ${entry.approvedBy.join(", ")}` : null,
    entry.comment ? `Comment: ${entry.comment}` : null,
    entry.detail ?? null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return <>-</>;
  return <SpaceBetween size="xxxs">{lines.map((line, i) => <Box key={i} variant="small" color={i === 0 && entry.emergency ? "text-status-error" : undefined}>{line}</Box>)}</SpaceBetween>;
}
