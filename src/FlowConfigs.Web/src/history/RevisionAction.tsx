import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { RevisionSummary } from "../api/types";
import { describeRevision } from "./actionLabel";

/** A revision's action for the history tables: an emergency change stands out in red with its reason. */
export function RevisionAction({ revision }: { revision: RevisionSummary }) {
  const { label, approvedBy, emergencyReason } = describeRevision(revision);
  return (
    <SpaceBetween size="xxxs">
      <SpaceBetween direction="horizontal" size="xs">
        <span>{label}</span>
        {emergencyReason !== undefined && <Badge color="red">Emergency</Badge>}
      </SpaceBetween>
      {approvedBy && <Box variant="small">{approvedBy}</Box>}
      {emergencyReason !== undefined && <Box variant="small">Reason: {emergencyReason}</Box>}
    </SpaceBetween>
  );
}
