import { useEffect, useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FormField from "@cloudscape-design/components/form-field";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";

export type Decision = "submit" | "approve" | "reject";

const texts: Record<Decision, { header: (id: string) => string; button: string; intro: string }> = {
  submit: {
    header: (id) => `Submit the draft of ${id} for review?`,
    button: "Submit for review",
    intro: "Reviewers with Full access see it on their Reviews page. Editing the draft afterwards sends it back to draft and clears approvals.",
  },
  approve: {
    header: (id) => `Approve the draft of ${id}?`,
    button: "Approve",
    intro: "Your approval counts towards what the config needs before the draft can be published.",
  },
  reject: {
    header: (id) => `Reject the draft of ${id}?`,
    button: "Reject",
    intro: "The authors see your comment and can change the draft and submit it again.",
  },
};

export const rejectNeedsComment = "Say why, so the authors know what to change.";

interface Props {
  decision: Decision | null;
  id: string;
  busy: boolean;
  /** The gateway's message about the comment, when it refused it. */
  commentError?: string;
  onCancel(): void;
  onConfirm(comment: string): void;
}

/** Submitting, approving or rejecting a draft, each with a comment for the timeline; a rejection must say why. */
export function DecisionModal({ decision, id, busy, commentError, onCancel, onConfirm }: Props) {
  const [comment, setComment] = useState("");
  const [attempted, setAttempted] = useState(false);
  useEffect(() => { setComment(""); setAttempted(false); }, [decision, id]);
  const required = decision === "reject";
  const problem = commentError ?? (required && attempted && comment.trim() === "" ? rejectNeedsComment : undefined);
  const confirm = () => {
    setAttempted(true);
    if (required && comment.trim() === "") return;
    onConfirm(comment.trim());
  };
  const text = texts[decision ?? "submit"];
  return (
    <Modal visible={decision !== null} header={text.header(id)} closeAriaLabel="Close without deciding" onDismiss={onCancel}
      footer={<Box float="right"><SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={onCancel}>Cancel</Button>
        <Button variant="primary" loading={busy} onClick={confirm}>{text.button}</Button>
      </SpaceBetween></Box>}>
      <SpaceBetween size="m">
        <Box>{text.intro}</Box>
        <FormField label={required ? "Comment" : "Comment (optional)"} errorText={problem} constraintText={required ? "Required." : undefined}>
          <Textarea value={comment} ariaRequired={required} invalid={!!problem} onChange={({ detail }) => setComment(detail.value)} />
        </FormField>
      </SpaceBetween>
    </Modal>
  );
}
