import { useState } from "react";
import { useNavigate } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import FileUpload from "@cloudscape-design/components/file-upload";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Toggle from "@cloudscape-design/components/toggle";
import Wizard from "@cloudscape-design/components/wizard";
import type { ImportItem } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { useShell } from "../shell/ShellContext";
import { ImportItemsTable } from "./ImportItemsTable";
import { describePlan, readImportFile, writes } from "./importFile";

const wizardStrings = {
  stepNumberLabel: (n: number) => `Step ${n}`,
  collapsedStepsLabel: (n: number, count: number) => `Step ${n} of ${count}`,
  skipToButtonLabel: (step: { title: string }) => `Skip to ${step.title}`,
  navigationAriaLabel: "Import steps",
  cancelButton: "Cancel",
  previousButton: "Previous",
  nextButton: "Next",
  optional: "optional",
};

/**
 * Import in steps: choose a file, review what it would do (a dry run: nothing is written), import, then a summary with
 * a link to each config written. An existing config is overwritten only when the user turns that on in the review.
 */
export function ImportWizard() {
  const { api, me } = useAuth();
  const { notify } = useShell();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<File[]>([]);
  const [items, setItems] = useState<unknown[] | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [plan, setPlan] = useState<ImportItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [stepError, setStepError] = useState<string | null>(null);
  const [results, setResults] = useState<ImportItem[] | null>(null);

  const chooseFile = async (chosen: File[]) => {
    setFiles(chosen);
    setItems(null);
    setPlan(null);
    setFileError(null);
    if (chosen.length === 0) return;
    const file = readImportFile(chosen[0].name, await chosen[0].text());
    if ("error" in file) setFileError(file.error);
    else setItems(file.items);
  };

  /** Asks the gateway what the import would do; nothing is written. */
  const review = async (withOverwrite: boolean) => {
    setBusy(true);
    setStepError(null);
    try {
      setPlan(await api.importConfigs(items, { dryRun: true, overwrite: withOverwrite }));
      return true;
    } catch (e) {
      setStepError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const navigateTo = async (requested: number) => {
    setStepError(null);
    if (requested < step) { setStep(requested); return; }
    if (step === 0) {
      if (!items) { setFileError(fileError ?? "Choose a JSON file of flow configs first."); return; }
      if (await review(overwrite)) setStep(1);
      return;
    }
    if (step === 1 && plan && writes(plan) === 0) {
      setStepError(overwrite
        ? "Nothing in this file can be imported: fix the file or ask for access, then choose it again."
        : "Nothing in this file would be written. Turn on overwriting to replace the configs that exist.");
      return;
    }
    setStep(requested);
  };

  const runImport = async () => {
    setBusy(true);
    setStepError(null);
    try {
      const done = await api.importConfigs(items, { overwrite });
      setResults(done);
      const written = done.filter((i) => i.status === "created" || i.status === "updated").length;
      const failed = done.filter((i) => i.status === "failed").length;
      notify({
        id: "import",
        type: failed > 0 ? "warning" : "success",
        header: `Imported ${written} of ${done.length} flow ${done.length === 1 ? "config" : "configs"}`,
        content: failed > 0 ? `${failed} could not be written; the summary says why.` : undefined,
      });
    } catch (e) {
      setStepError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    setResults(null);
    setPlan(null);
    setItems(null);
    setFiles([]);
    setOverwrite(false);
    setStep(0);
  };

  if (results) {
    return (
      <SpaceBetween size="l">
        <Header variant="h1" description={files[0]?.name}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={startOver}>Import another file</Button>
              <Button variant="primary" onClick={() => navigate("/")}>Go to flow configs</Button>
            </SpaceBetween>
          }>
          Import finished
        </Header>
        <ImportItemsTable items={results} label="Import results"
          header={<Header variant="h2" counter={`(${results.length})`}>What the import did</Header>} />
      </SpaceBetween>
    );
  }

  const summary = plan ? describePlan(plan) : "";
  return (
    <Wizard
      i18nStrings={wizardStrings}
      activeStepIndex={step}
      isLoadingNextStep={busy}
      submitButtonText="Import"
      onNavigate={({ detail }) => void navigateTo(detail.requestedStepIndex)}
      onCancel={() => navigate("/")}
      onSubmit={() => void runImport()}
      steps={[
        {
          title: "Choose file",
          description: "A JSON array of flow configs, as Export downloads them. Nothing is written until the last step.",
          errorText: step === 0 ? stepError : undefined,
          content: (
            <Container>
              <FormField label="File to import" errorText={fileError}
                constraintText={items ? `${items.length} ${items.length === 1 ? "config" : "configs"} in the file.` : "A .json file of up to 1,000 configs."}>
                <FileUpload value={files} accept="application/json,.json" onChange={({ detail }) => void chooseFile(detail.value)}
                  i18nStrings={{ uploadButtonText: () => "Choose file", dropzoneText: () => "Drop a JSON file", removeFileAriaLabel: () => "Remove file", errorIconAriaLabel: "Error", warningIconAriaLabel: "Warning" }} />
              </FormField>
            </Container>
          ),
        },
        {
          title: "Review",
          description: "What importing this file would do to each config. Nothing has been written yet.",
          errorText: step === 1 ? stepError : undefined,
          content: (
            <SpaceBetween size="l">
              <Container>
                <FormField label="Configs that already exist"
                  description="Off: they are left alone and reported as conflicts. On: the file's config is saved over each as a new version, recorded as you.">
                  <Toggle checked={overwrite} disabled={busy}
                    onChange={({ detail }) => { setOverwrite(detail.checked); void review(detail.checked); }}>
                    Overwrite existing configs
                  </Toggle>
                </FormField>
              </Container>
              <ImportItemsTable items={plan ?? []} label="Import plan" loading={busy}
                header={<Header variant="h2" counter={plan ? `(${plan.length})` : undefined} description={summary}>Items in the file</Header>} />
            </SpaceBetween>
          ),
        },
        {
          title: "Import",
          description: "Write the configs. Each is checked and saved on its own; the summary links to each one.",
          errorText: step === 2 ? stepError : undefined,
          content: (
            <Container header={<Header variant="h2">Ready to import</Header>}>
              <SpaceBetween size="s">
                <Box>{summary}.</Box>
                <Box>
                  {plan ? writes(plan) : 0} {plan && writes(plan) === 1 ? "config is" : "configs are"} written as a new version by {me?.username ?? "you"}
                  {overwrite ? "; configs that exist are overwritten." : "; configs that exist are left alone."}
                </Box>
                {plan && writes(plan) < plan.length && (
                  <Alert type="info">The other items are left as they are; the summary lists them with the reason.</Alert>
                )}
              </SpaceBetween>
            </Container>
          ),
        },
      ]}
    />
  );
}
