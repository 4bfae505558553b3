import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Pagination from "@cloudscape-design/components/pagination";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table, { type TableProps } from "@cloudscape-design/components/table";
import type { MissingTranslation, UsageCount, UsageOverview } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { createPath, promptPath, usagePath } from "../configs/paths";
import { usePage } from "../shell/ShellContext";
import { missingTranslationRows, unusedRows, type UnusedRow } from "./insightRows";
import { LastRead } from "./LastRead";
import { usageDays } from "./window";

const rowsPerPage = 20;

/**
 * What the reads of the last 30 days say across every config the user may read: configs no flow uses, ids flows ask
 * for that no config has (admins only: any id at all may show there), and prompts that lack a language callers want.
 */
export function InsightsPage() {
  usePage("Insights", [{ text: "Flow configs", href: "/" }, { text: "Insights", href: "/insights" }]);
  const { api, me } = useAuth();
  const navigate = useNavigate();
  const [overview, setOverview] = useState<UsageOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    setOverview(null);
    api.usage(usageDays).then(setOverview, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(() => { load(); }, [load]);

  const unused = useMemo(() => (overview ? unusedRows(overview) : []), [overview]);
  const missing = useMemo(() => (overview ? missingTranslationRows(overview) : []), [overview]);
  const loading = overview === null && !error;
  const go = (href: string) => (e: CustomEvent) => { e.preventDefault(); navigate(href); };

  return (
    <ContentLayout header={
      <Header variant="h1" actions={<Button iconName="refresh" ariaLabel="Refresh insights" onClick={load} />}
        description={`What contact flows read over the last ${usageDays} days, across the configs you may read. New reads show within about 10 seconds.`}>
        Insights
      </Header>}>
      <SpaceBetween size="l">
        {error && <Alert type="error" header="Usage could not be loaded" action={<Button onClick={load}>Retry</Button>}>{error}</Alert>}
        <Section<UnusedRow> title="Unused configs" loading={loading} items={unused} trackBy="id"
          description={`Configs no flow read in the last ${usageDays} days: candidates for clean-up, or flows that lost their way.`}
          empty={`Every config you may read was read in the last ${usageDays} days.`}
          columns={[
            { id: "id", header: "Config", cell: (row) => <Link href={usagePath(row.id)} onFollow={go(usagePath(row.id))}>{row.id}</Link> },
            { id: "lastReadAt", header: "Last read", cell: (row) => <LastRead at={row.lastReadAt} /> },
          ]} />
        {overview?.missingIds && (
          <Section<UsageCount> title="Ids flows ask for that do not exist" loading={loading} items={overview.missingIds} trackBy="id"
            description="Flows asked GetConfig for these ids and got nothing: a typo in a flow, or a config still to create. Most asked first."
            empty="Flows asked only for ids that exist."
            columns={[
              { id: "id", header: "Id", cell: (row) => <span style={{ overflowWrap: "anywhere" }}>{row.id}</span> },
              { id: "reads", header: "Reads", cell: (row) => row.reads.toLocaleString() },
              { id: "lastReadAt", header: "Last asked", cell: (row) => <LastRead at={row.lastReadAt ?? null} /> },
              ...(me?.canCreateConfigs ? [{
                id: "create", header: "Action",
                cell: (row: UsageCount) => <Button ariaLabel={`Create ${row.id}`} onClick={() => navigate(createPath(row.id))}>Create</Button>,
              }] : []),
            ]} />
        )}
        <Section<MissingTranslation> title="Missing translations" loading={loading} items={missing} trackBy={(row) => `${row.id} ${row.language}`}
          description="Languages callers asked for where prompts had no text: they heard the fallback language or nothing. Most reads first."
          empty="Every language callers asked for had every prompt."
          columns={[
            { id: "id", header: "Config", cell: (row) => <Link href={usagePath(row.id)} onFollow={go(usagePath(row.id))}>{row.id}</Link> },
            { id: "language", header: "Language", cell: (row) => row.language },
            {
              id: "prompts", header: "Prompts", cell: (row) => (
                <SpaceBetween direction="horizontal" size="xs">
                  {row.prompts.map((prompt) => (
                    <Link key={prompt} href={promptPath(row.id, prompt, row.language)} ariaLabel={`${prompt} in ${row.language} of ${row.id}`}
                      onFollow={go(promptPath(row.id, prompt, row.language))}>{prompt}</Link>
                  ))}
                </SpaceBetween>
              ),
            },
            { id: "reads", header: "Reads", cell: (row) => row.reads.toLocaleString() },
          ]} />
      </SpaceBetween>
    </ContentLayout>
  );
}

interface SectionProps<T> {
  title: string;
  description: string;
  empty: ReactNode;
  loading: boolean;
  items: T[];
  trackBy: TableProps<T>["trackBy"];
  columns: TableProps.ColumnDefinition<T>[];
}

/** One insight: a table with its count in the header, paged when long (there may be thousands of unused configs). */
function Section<T>({ title, description, empty, loading, items, trackBy, columns }: SectionProps<T>) {
  const { items: page, collectionProps, paginationProps } = useCollection(items, { pagination: { pageSize: rowsPerPage } });
  return (
    <Table
      {...collectionProps}
      variant="container"
      items={page}
      trackBy={trackBy}
      wrapLines
      loading={loading}
      loadingText="Loading usage"
      columnDefinitions={columns}
      ariaLabels={{ tableLabel: title }}
      header={<Header variant="h2" counter={loading ? undefined : `(${items.length})`} description={description}>{title}</Header>}
      empty={<Box textAlign="center" color="inherit">{empty}</Box>}
      pagination={items.length > rowsPerPage ? (
        <Pagination {...paginationProps} ariaLabels={{ nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n) => `Page ${n} of ${title}` }} />
      ) : undefined}
    />
  );
}
