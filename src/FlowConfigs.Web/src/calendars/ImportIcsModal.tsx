import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import FileUpload from "@cloudscape-design/components/file-upload";
import FormField from "@cloudscape-design/components/form-field";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { countIcsEvents, icsProblem } from "./eventForm";

interface Props {
  id: string;
  currentEvents: number;
  importing: boolean;
  onCancel(): void;
  onImport(ics: string): void;
}

/** Replaces a calendar's events with those of an iCalendar file, after saying how many go and how many come. */
export function ImportIcsModal({ id, currentEvents, importing, onCancel, onImport }: Props) {
  const [files, setFiles] = useState<File[]>([]);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>();

  const choose = async (chosen: File[]) => {
    setFiles(chosen);
    setText(null);
    setProblem(undefined);
    if (chosen.length === 0) return;
    const content = await chosen[0].text();
    setProblem(icsProblem(content));
    setText(content);
  };
  const incoming = text ? countIcsEvents(text) : 0;
  return (
    <Modal visible header={`Import events into ${id}`} closeAriaLabel="Close without importing" onDismiss={onCancel}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onCancel}>Cancel</Button>
            <Button variant="primary" loading={importing} disabled={!text || !!problem} onClick={() => text && onImport(text)}>
              {currentEvents > 0 ? `Replace ${currentEvents} ${currentEvents === 1 ? "event" : "events"}` : "Import"}
            </Button>
          </SpaceBetween>
        </Box>
      }>
      <SpaceBetween size="l">
        <FormField label="iCalendar file" description="An .ics file, as calendar apps and public holiday sites export it." errorText={problem}>
          <FileUpload value={files} accept=".ics,text/calendar" onChange={({ detail }) => void choose(detail.value)}
            i18nStrings={{ uploadButtonText: () => "Choose file", dropzoneText: () => "Drop an .ics file", removeFileAriaLabel: () => "Remove file", errorIconAriaLabel: "Error", warningIconAriaLabel: "Warning" }} />
        </FormField>
        {text && !problem && (
          <Alert type={currentEvents > 0 ? "warning" : "info"} header={currentEvents > 0 ? `This replaces all ${currentEvents} ${currentEvents === 1 ? "event" : "events"} of ${id}` : undefined}>
            The file holds {incoming} {incoming === 1 ? "event" : "events"}. {currentEvents > 0 ? `They take the place of the ${currentEvents} ${currentEvents === 1 ? "event" : "events"} the calendar has now, ` : "They become the calendar's events, "}
            for every config that uses it, within a second. The calendar's history keeps the version before.
          </Alert>
        )}
      </SpaceBetween>
    </Modal>
  );
}
