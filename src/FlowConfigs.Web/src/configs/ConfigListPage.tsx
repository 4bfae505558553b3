import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import CollectionPreferences from "@cloudscape-design/components/collection-preferences";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Pagination from "@cloudscape-design/components/pagination";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import type { FlowConfig, FlowConfigSummary, UsageOverview } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { usePage, useShell } from "../shell/ShellContext";
import { downloadJson } from "../transfer/download";
import { Ago, LastRead } from "../usage/LastRead";
import { compareLastRead, compareReads, withUsage, type SummaryWithUsage } from "../usage/listUsage";
import { usageDays } from "../usage/window";
import { DeleteConfigsModal } from "./DeleteConfigsModal";
import { DuplicateConfigModal } from "./DuplicateConfigModal";
import { listColumns, useListPreferences } from "./listPreferences";
import { editorPath } from "./paths";

const levelLabel = { none: "None", read: "Read", edit: "Edit", full: "Full" } as const;

/** Configs per request to the server; each brings several table pages. */
const serverPageSize = 100;
/**
 * A search for something rare comes back in short pages (the server bounds what one request looks at); one load follows
 * this many cursors before it shows what it found and lets the user ask for more.
 */
const maxRequestsPerLoad = 20;
/** Ids per export request: 50 ids of 128 characters, percent-encoded, stay inside the gateway's 32 KB request line. */
const exportIdsPerRequest = 50;
/** Typing pauses this long before the text goes to the server. */
const filterDelayMs = 300;

/**
 * The configs the user may read, with their level on each, in id order. The server searches (id, description and
 * changed-by, any letter case) and pages the list (there may be 100,000 configs), so the total is unknown until the
 * last page arrives: the table's pager stays open-ended while the server has more, and fetches them when the user
 * pages past what is loaded.
 */
export function ConfigListPage() {
  const { api, me, init } = useAuth();
  const { notify } = useShell();
  const navigate = useNavigate();
  usePage("Flow configs", [{ text: "Flow configs", href: "/" }], init.branding.productName);
  const [loaded, setLoaded] = useState<FlowConfigSummary[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [filterText, setFilterText] = useState("");
  const [query, setQuery] = useState("");
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [preferences, setPreferences] = useListPreferences();
  const [confirmDelete, setConfirmDelete] = useState<readonly FlowConfigSummary[] | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  // Answers to a superseded request (the text changed meanwhile) are dropped.
  const request = useRef(0);
  // Reads per config, to find the ones no flow uses; the list works without them (the columns show a dash).
  const [usage, setUsage] = useState<UsageOverview | null>(null);
  useEffect(() => { api.usage(usageDays).then(setUsage, () => setUsage(null)); }, [api]);
  const rows = useMemo(() => withUsage(loaded, usage), [loaded, usage]);

  const { items, collectionProps, paginationProps, actions } = useCollection<SummaryWithUsage>(rows, {
    pagination: { pageSize: preferences.pageSize },
    // Sorting orders the configs loaded so far: the server's pages come in id order.
    sorting: {},
    selection: { trackBy: "id", keepSelection: true },
  });
  const selected = collectionProps.selectedItems ?? [];

  /** Loads from the server until it has at least `want` more configs, or the server has no more. */
  const load = useCallback(async (text: string, after: string | undefined, want: number) => {
    const mine = ++request.current;
    setLoading(true);
    setError(null);
    try {
      const found: FlowConfigSummary[] = [];
      let next = after;
      for (let asked = 0; asked < maxRequestsPerLoad; asked++) {
        const page = await api.list({ q: text || undefined, limit: serverPageSize, cursor: next });
        if (mine !== request.current) return false;
        found.push(...page.items);
        next = page.cursor;
        if (next === undefined || found.length >= want) break;
      }
      setLoaded((current) => (after ? [...current, ...found] : found));
      setCursor(next);
      return true;
    } catch (e) {
      if (mine === request.current) setError((e as Error).message);
      return false;
    } finally {
      if (mine === request.current) setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    actions.setCurrentPage(1);
    void load(query, undefined, serverPageSize);
    // Not on `actions` (a new object each render): the page resets only when the text sent to the server changes.
  }, [load, query]);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(filterText.trim()), filterDelayMs);
    return () => clearTimeout(timer);
  }, [filterText]);

  const more = cursor !== undefined;
  const total = `${loaded.length}${more ? "+" : ""}`;
  const allFull = selected.length > 0 && selected.every((c) => c.accessLevel === "full");

  const exportSelected = async () => {
    try {
      // A few ids per request: a long selection of long ids would not fit in one request line.
      const configs: FlowConfig[] = [];
      const ids = selected.map((c) => c.id);
      for (let first = 0; first < ids.length; first += exportIdsPerRequest)
        configs.push(...await api.exportConfigs(ids.slice(first, first + exportIdsPerRequest)));
      downloadJson("flowconfigs-export.json", configs);
      notify({ id: "export", type: "success", header: `Exported ${configs.length} flow ${configs.length === 1 ? "config" : "configs"}` });
    } catch (e) {
      notify({ id: "export", type: "error", header: "Export failed", content: (e as Error).message });
    }
  };

  const forgetDeleted = (ids: string[]) => {
    const gone = new Set(ids);
    setLoaded((current) => current.filter((c) => !gone.has(c.id)));
    actions.setSelectedItems(selected.filter((c) => !gone.has(c.id)));
  };

  const columns: TableProps.ColumnDefinition<SummaryWithUsage>[] = [
    {
      id: "id", header: "Id", cell: (item) => (
        <span style={{ overflowWrap: "break-word" }}>
          <Link href={editorPath(item.id)} onFollow={(e) => { e.preventDefault(); navigate(editorPath(item.id)); }}>{item.id}</Link>
        </span>
      ),
    },
    { id: "description", header: "Description", cell: (item) => <span style={{ overflowWrap: "break-word" }}>{item.description}</span> },
    { id: "accessLevel", header: "Your access", cell: (item) => levelLabel[item.accessLevel] },
    { id: "version", header: "Version", cell: (item) => item.version },
    { id: "updatedBy", header: "Changed by", cell: (item) => <span style={{ overflowWrap: "break-word" }}>{item.updatedBy ?? ""}</span> },
    // Relative, like Last read beside it (the exact time on hover): a full date and time would not leave the reads room at 1024 px.
    { id: "updatedAt", header: "Changed", cell: (item) => (item.updatedAt ? <Ago at={item.updatedAt} compact /> : "") },
    { id: "lastReadAt", header: "Last read", sortingComparator: compareLastRead, cell: (item) => <LastRead at={item.lastReadAt} compact /> },
    { id: "reads", header: `Reads (${usageDays} days)`, sortingComparator: compareReads, cell: (item) => (item.reads === undefined ? "—" : item.reads.toLocaleString()) },
  ];

  return (
    <>
      <Table
        {...collectionProps}
        items={items}
        selectionType="multi"
        columnDefinitions={columns}
        columnDisplay={preferences.contentDisplay}
        wrapLines={preferences.wrapLines}
        loading={loading && items.length === 0}
        loadingText="Loading flow configs"
        variant="full-page"
        stickyHeader
        ariaLabels={{
          tableLabel: "Flow configs",
          selectionGroupLabel: "Flow config selection",
          allItemsSelectionLabel: () => "Select all on this page",
          itemSelectionLabel: (_, item) => `Select ${item.id}`,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={selected.length > 0 ? `(${selected.length}/${total})` : `(${total})`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {me?.canCreateConfigs && (
                  <Button disabled={selected.length !== 1} disabledReason="Select one config to duplicate."
                    onClick={() => setDuplicateOf(selected[0].id)}>Duplicate</Button>
                )}
                <Button disabled={selected.length === 0} disabledReason="Select the configs to export."
                  onClick={() => void exportSelected()}>Export</Button>
                <Button disabled={!allFull}
                  disabledReason={selected.length === 0 ? "Select the configs to delete." : "Deleting needs Full access on every selected config."}
                  onClick={() => setConfirmDelete(selected)}>Delete</Button>
                {me?.canCreateConfigs && <Button onClick={() => navigate("/import")}>Import</Button>}
                {me?.canCreateConfigs && <Button variant="primary" onClick={() => navigate("/configs/new")}>Create</Button>}
              </SpaceBetween>
            }
          >
            Flow configs
          </Header>
        }
        filter={
          <TextFilter filteringText={filterText} onChange={({ detail }) => setFilterText(detail.filteringText)}
            filteringPlaceholder="Find by id, description or who changed it" filteringAriaLabel="Filter flow configs"
            countText={`${total} ${loaded.length === 1 && !more ? "match" : "matches"}`} />
        }
        pagination={
          <Pagination {...paginationProps} openEnd={more} disabled={loading && items.length === 0}
            onNextPageClick={({ detail }) => {
              if (detail.requestedPageAvailable || !more || loading) return;
              void load(query, cursor, preferences.pageSize).then((ok) => { if (ok) actions.setCurrentPage(detail.requestedPageIndex); });
            }}
            ariaLabels={{ nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n) => `Page ${n}` }} />
        }
        preferences={
          <CollectionPreferences
            title="Preferences" confirmLabel="Confirm" cancelLabel="Cancel"
            preferences={preferences}
            onConfirm={({ detail }) => setPreferences({
              pageSize: detail.pageSize ?? preferences.pageSize,
              wrapLines: detail.wrapLines ?? preferences.wrapLines,
              contentDisplay: detail.contentDisplay ?? preferences.contentDisplay,
            })}
            pageSizePreference={{ title: "Configs per page", options: [10, 25, 50, 100].map((n) => ({ value: n, label: `${n} configs` })) }}
            wrapLinesPreference={{ label: "Wrap lines", description: "Show long ids and descriptions in full." }}
            contentDisplayPreference={{ title: "Columns", options: listColumns.map((c) => ({ id: c.id, label: c.label, alwaysVisible: "alwaysVisible" in c })) }}
          />
        }
        empty={
          error ? <Box color="text-status-error">Could not load the list: {error}</Box>
            : loading ? undefined
            : more ? (
              <Box textAlign="center" color="inherit">
                <SpaceBetween size="xs">
                  <Box>Nothing found yet; many configs are left to search.</Box>
                  <Button onClick={() => void load(query, cursor, preferences.pageSize)}>Search further</Button>
                </SpaceBetween>
              </Box>
            )
            : <Box textAlign="center" color="inherit">{query ? `No flow config you may read mentions “${query}”.` : "No flow configs you may read yet."}</Box>
        }
      />
      {confirmDelete && <DeleteConfigsModal configs={confirmDelete} onClose={() => setConfirmDelete(null)} onDeleted={forgetDeleted} />}
      {duplicateOf && (
        <DuplicateConfigModal sourceId={duplicateOf} onClose={() => setDuplicateOf(null)}
          onDuplicated={(id) => {
            setDuplicateOf(null);
            notify({ id: "duplicate", type: "success", header: `Duplicated ${duplicateOf} as ${id}` });
            navigate(editorPath(id));
          }} />
      )}
    </>
  );
}
