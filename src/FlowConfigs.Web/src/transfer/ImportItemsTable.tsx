import { useNavigate } from "react-router-dom";
import Box from "@cloudscape-design/components/box";
import Link from "@cloudscape-design/components/link";
import StatusIndicator, { type StatusIndicatorProps } from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import type { ReactNode } from "react";
import type { ImportItem } from "../api/types";
import { editorPath } from "../configs/paths";
import { reasons } from "./importFile";

const planned: Record<ImportItem["action"], (item: ImportItem) => [StatusIndicatorProps.Type, string]> = {
  create: () => ["success", "Create"],
  update: (i) => ["warning", `Overwrite version ${i.currentVersion}`],
  conflict: (i) => ["stopped", `Exists (version ${i.currentVersion}): left alone`],
  invalid: () => ["error", "Invalid"],
  forbidden: () => ["error", "Needs Full access"],
};

const done: Record<NonNullable<ImportItem["status"]>, (item: ImportItem) => [StatusIndicatorProps.Type, string]> = {
  created: (i) => ["success", `Created version ${i.version}`],
  updated: (i) => ["success", `Saved as version ${i.version}`],
  skipped: (i) => planned[i.action](i),
  failed: () => ["error", "Not written"],
};

/**
 * The items of an import file: what the import would do with each (a dry run's plan) or what it did (status set).
 * Reasons wrap rather than being cut off: they are the part a person has to read.
 */
export function ImportItemsTable({ items, label, header, loading }: { items: readonly ImportItem[]; label: string; header: ReactNode; loading?: boolean }) {
  const navigate = useNavigate();
  const written = (i: ImportItem) => i.status === "created" || i.status === "updated";
  return (
    <Table
      items={items}
      trackBy={(i) => String(i.index)}
      header={header}
      loading={loading}
      loadingText="Checking the file"
      wrapLines
      ariaLabels={{ tableLabel: label }}
      empty={<Box>The file held no configs.</Box>}
      columnDefinitions={[
        { id: "item", header: "Item", cell: (i) => i.index + 1, width: 70 },
        {
          id: "id", header: "Id", cell: (i) => written(i) && i.id
            ? <Link href={editorPath(i.id)} onFollow={(e) => { e.preventDefault(); navigate(editorPath(i.id!)); }}>{i.id}</Link>
            : <span style={{ overflowWrap: "anywhere" }}>{i.id ?? "(no id)"}</span>,
        },
        {
          id: "result", header: items.some((i) => i.status) ? "Result" : "Import will", cell: (i) => {
            const [type, text] = i.status ? done[i.status](i) : planned[i.action](i);
            return <StatusIndicator type={type}>{text}</StatusIndicator>;
          },
        },
        {
          id: "why", header: "Why", cell: (i) => (
            <div style={{ overflowWrap: "anywhere" }}>
              {reasons(i).map((r) => <div key={r}>{r}</div>)}
            </div>
          ),
        },
      ]}
    />
  );
}
