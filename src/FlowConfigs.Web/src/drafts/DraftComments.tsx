import { useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import type { DraftComment } from "../api/types";
import { commentActionLabel } from "./draftState";
import "./drafts.css";

interface Props {
  comments: DraftComment[];
  busy: boolean;
  /** The gateway's message about the comment, when it refused it. */
  error?: string;
  /** Resolves true once the comment is stored, so the field empties only then. */
  onAdd(text: string): Promise<boolean>;
}

/** The draft's conversation, oldest first, with what each person did; anyone who may read the config can add to it. */
export function DraftComments({ comments, busy, error, onAdd }: Props) {
  const [text, setText] = useState("");
  const add = async () => {
    if (text.trim() === "") return;
    if (await onAdd(text.trim())) setText("");
  };
  return (
    <Container header={<Header variant="h2" counter={`(${comments.length})`}>Comments</Header>}>
      <SpaceBetween size="l">
        {comments.length === 0 ? <Box color="text-status-inactive">No comments yet.</Box> : (
          <ol className="draft-comments" aria-label="Comments, oldest first">
            {comments.map((c, i) => (
              <li key={i}>
                <Box variant="small">
                  <Box variant="strong" fontSize="body-s">{c.by}</Box> {commentActionLabel[c.action] ?? c.action} · <time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time>
                </Box>
                {c.text && <Box>{c.text}</Box>}
              </li>
            ))}
          </ol>
        )}
        <FormField label="Add a comment" errorText={error}>
          <Textarea value={text} onChange={({ detail }) => setText(detail.value)} rows={2} />
        </FormField>
        <Button loading={busy} disabled={text.trim() === ""} disabledReason="Write the comment first." onClick={() => void add()}>Add comment</Button>
      </SpaceBetween>
    </Container>
  );
}
