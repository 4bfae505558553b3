import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useCollection } from "@cloudscape-design/collection-hooks";
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

/** Every config the user may read, with their level on each: filter by id prefix, sort, page. */
export function ConfigListPage() {
  const { api, me } = useAuth();
  const navigate = useNavigate();
  const [items, setItems] = useState<FlowConfigSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.list().then(
      (list) => setItems(list.items),
      (e: Error) => setError(e.message),
    ).finally(() => setLoading(false));
  }, [api]);

  const { items: shown, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(items, {
    filtering: {
      filteringFunction: (item, text) => item.id.startsWith(text),
      empty: <Box textAlign="center" color="inherit">No flow configs you may read yet.</Box>,
      noMatch: <Box textAlign="center" color="inherit">No flow config id starts with that.</Box>,
    },
    sorting: { defaultState: { sortingColumn: { sortingField: "id" } } },
    pagination: { pageSize: 25 },
  });

  return (
    <Table
      {...collectionProps}
      items={shown}
      loading={loading}
      loadingText="Loading flow configs"
      trackBy="id"
      variant="full-page"
      ariaLabels={{ tableLabel: "Flow configs" }}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${items.length})`}
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
        <TextFilter {...filterProps} filteringPlaceholder="Find by id prefix" filteringAriaLabel="Filter by id prefix"
          countText={`${filteredItemsCount ?? 0} matches`} />
      }
      pagination={<Pagination {...paginationProps} ariaLabels={{ nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n) => `Page ${n}` }} />}
      empty={error ? <Box color="text-status-error">Could not load the list: {error}</Box> : undefined}
      columnDefinitions={[
        { id: "id", header: "Id", sortingField: "id", cell: (item) => <Link href={editorPath(item.id)} onFollow={(e) => { e.preventDefault(); navigate(editorPath(item.id)); }}>{item.id}</Link> },
        { id: "description", header: "Description", sortingField: "description", cell: (item) => item.description },
        { id: "accessLevel", header: "Your access", sortingField: "accessLevel", cell: (item) => levelLabel[item.accessLevel] },
        { id: "version", header: "Version", sortingField: "version", cell: (item) => item.version },
        { id: "updatedBy", header: "Changed by", sortingField: "updatedBy", cell: (item) => item.updatedBy ?? "" },
        { id: "updatedAt", header: "Changed", sortingField: "updatedAt", cell: (item) => (item.updatedAt ? new Date(item.updatedAt).toLocaleString() : "") },
      ]}
    />
  );
}
