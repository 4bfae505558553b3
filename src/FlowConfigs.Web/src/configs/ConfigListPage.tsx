import { useCallback, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Pagination from "@cloudscape-design/components/pagination";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import type { FlowConfigSummary } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { editorPath } from "./paths";

const levelLabel = { none: "None", read: "Read", edit: "Edit", full: "Full" } as const;

/** Rows per table page; each request to the server brings several table pages. */
const pageSize = 25;
const serverPageSize = 100;
/** Typing pauses this long before the prefix goes to the server. */
const filterDelayMs = 300;

/**
 * The configs the user may read, with their level on each, in id order. The server pages the list (there may be
 * 100,000 configs) and filters by id prefix, so the total is unknown until the last page arrives: the table's pager
 * stays open-ended while the server has more, and fetches them when the user pages past what is loaded.
 */
export function ConfigListPage() {
  const { api, me } = useAuth();
  const navigate = useNavigate();
  const [items, setItems] = useState<FlowConfigSummary[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [filterText, setFilterText] = useState("");
  const [pattern, setPattern] = useState("");
  const [pageIndex, setPageIndex] = useState(1);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Answers to a superseded request (the prefix changed meanwhile) are dropped.
  const request = useRef(0);

  const load = useCallback(async (prefix: string, after: string | undefined) => {
    const mine = ++request.current;
    setLoading(true);
    setError(null);
    try {
      const page = await api.list({ pattern: prefix || undefined, limit: serverPageSize, cursor: after });
      if (mine !== request.current) return;
      setItems((loaded) => (after ? [...loaded, ...page.items] : page.items));
      setCursor(page.cursor);
    } catch (e) {
      if (mine === request.current) setError((e as Error).message);
    } finally {
      if (mine === request.current) setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    setPageIndex(1);
    void load(pattern, undefined);
  }, [load, pattern]);

  useEffect(() => {
    const timer = setTimeout(() => setPattern(filterText), filterDelayMs);
    return () => clearTimeout(timer);
  }, [filterText]);

  const pagesCount = Math.max(1, Math.ceil(items.length / pageSize));
  const shown = items.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
  const more = cursor !== undefined;

  return (
    <Table
      items={shown}
      loading={loading && shown.length === 0}
      loadingText="Loading flow configs"
      trackBy="id"
      variant="full-page"
      ariaLabels={{ tableLabel: "Flow configs" }}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${items.length}${more ? "+" : ""})`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
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
          filteringPlaceholder="Find by id prefix" filteringAriaLabel="Filter by id prefix"
          countText={`${items.length}${more ? "+" : ""} matches`} />
      }
      pagination={
        <Pagination currentPageIndex={pageIndex} pagesCount={pagesCount} openEnd={more} disabled={loading && shown.length === 0}
          onChange={({ detail }) => setPageIndex(detail.currentPageIndex)}
          onNextPageClick={({ detail }) => {
            if (detail.requestedPageAvailable || !more || loading) return;
            void load(pattern, cursor).then(() => setPageIndex(detail.requestedPageIndex));
          }}
          ariaLabels={{ nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n) => `Page ${n}` }} />
      }
      empty={
        error ? <Box color="text-status-error">Could not load the list: {error}</Box>
          : loading ? undefined
          : <Box textAlign="center" color="inherit">{pattern ? "No flow config id starts with that." : "No flow configs you may read yet."}</Box>
      }
      columnDefinitions={[
        { id: "id", header: "Id", cell: (item) => <Link href={editorPath(item.id)} onFollow={(e) => { e.preventDefault(); navigate(editorPath(item.id)); }}>{item.id}</Link> },
        { id: "description", header: "Description", cell: (item) => item.description },
        { id: "accessLevel", header: "Your access", cell: (item) => levelLabel[item.accessLevel] },
        { id: "version", header: "Version", cell: (item) => item.version },
        { id: "updatedBy", header: "Changed by", cell: (item) => item.updatedBy ?? "" },
        { id: "updatedAt", header: "Changed", cell: (item) => (item.updatedAt ? new Date(item.updatedAt).toLocaleString() : "") },
      ]}
    />
  );
}
