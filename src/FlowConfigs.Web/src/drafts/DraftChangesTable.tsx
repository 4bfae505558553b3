import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Table from "@cloudscape-design/components/table";
import type { DraftChange } from "../api/types";
import { changeKindLabel, changeRows } from "./changeRows";

interface Props {
  changes: DraftChange[] | null;
  error?: string | null;
  header: string;
  description?: string;
  beforeLabel: string;
  afterLabel: string;
}

/** Field-level changes as the server lists them: path, what kind of change, and the value on each side. */
export function DraftChangesTable({ changes, error, header, description, beforeLabel, afterLabel }: Props) {
  const rows = changeRows(changes ?? []);
  const none = <Box color="text-status-inactive">(none)</Box>;
  return (
    <Table
      variant="container"
      wrapLines
      items={rows}
      loading={changes === null && !error}
      loadingText="Loading changes"
      header={<Header variant="h2" counter={changes ? `(${rows.length})` : undefined} description={description}>{header}</Header>}
      ariaLabels={{ tableLabel: header }}
      empty={<Box textAlign="center">{error ?? "No changes: the draft has the same content as live."}</Box>}
      columnDefinitions={[
        { id: "path", header: "Field", cell: (c) => c.path },
        { id: "kind", header: "Change", cell: (c) => changeKindLabel[c.kind] },
        { id: "before", header: beforeLabel, cell: (c) => c.before ?? none },
        { id: "after", header: afterLabel, cell: (c) => c.after ?? none },
      ]}
    />
  );
}
