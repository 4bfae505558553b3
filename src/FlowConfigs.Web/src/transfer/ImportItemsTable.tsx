import { useNavigate } from "react-router-dom";
import Box from "@cloudscape-design/components/box";
import Link from "@cloudscape-design/components/link";
import StatusIndicator, { type StatusIndicatorProps } from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import type { ReactNode } from "react";
import type { ImportItem } from "../api/types";
import { editorPath } from "../configs/paths";
import { reasons } from "./importFile";

// Short labels, so the status column stays narrow; versions and reasons go in the "Why" column, which wraps.
const planned: Record<ImportItem["action"], [StatusIndicatorProps.Type, string]> = {
  create: ["success", "Create"],
  update: ["warning", "Overwrite"],
  conflict: ["stopped", "Left alone"],
  invalid: ["error", "Invalid"],
  forbidden: ["error", "Not allowed"],
  draftRequired: ["stopped", "Needs approval"],
};

const done: Record<NonNullable<ImportItem["status"]>, [StatusIndicatorProps.Type, string] | null> = {
  created: ["success", "Created"],
  updated: ["success", "Overwritten"],
  skipped: null,
  failed: ["error", "Not written"],
};

/** The versions involved, then why: what a person needs to trust the row. */
function details(item: ImportItem): string[] {
  const versions = item.status === "created" ? [`Version ${item.version}.`]
    : item.status === "updated" ? [`Version ${item.version} (was ${item.currentVersion}).`]
    : item.action === "update" && !item.status ? [`Saved over version ${item.currentVersion} as a new version.`]
    : [];
  return [...versions, ...reasons(item)];
}

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
        {
          // Wide enough that an id usually breaks at its hyphens and slashes rather than inside a word, narrow enough
          // that the reasons keep room beside the wizard's steps on a 1024-pixel screen.
          id: "id", header: "Id", minWidth: 140, cell: (i) => written(i) && i.id
            ? <Link href={editorPath(i.id)} onFollow={(e) => { e.preventDefault(); navigate(editorPath(i.id!)); }}>{i.id}</Link>
            : <span style={{ overflowWrap: "break-word" }}>{i.id ?? `Item ${i.index + 1} (no id)`}</span>,
        },
        {
          id: "result", header: items.some((i) => i.status) ? "Result" : "Import will", cell: (i) => {
            const [type, text] = (i.status && done[i.status]) || planned[i.action];
            // The labels are a word or two; broken inside a word they read as something else.
            return <span style={{ whiteSpace: "nowrap" }}><StatusIndicator type={type}>{text}</StatusIndicator></span>;
          },
        },
        {
          id: "why", header: "Why", cell: (i) => (
            <div style={{ overflowWrap: "anywhere" }}>
              {details(i).map((r) => <div key={r}>{r}</div>)}
            </div>
          ),
        },
      ]}
    />
  );
}
