import { useCallback, useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Multiselect from "@cloudscape-design/components/multiselect";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { ApiError } from "../api/client";
import type { AppSettings, Locale, SpeechVoiceList } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { TimeZoneSelect } from "../schedules/TimeZoneSelect";
import { usePage, useShell } from "../shell/ShellContext";
import { ApprovalRulesSection } from "./ApprovalRulesSection";
import { blocksSave, fromProblem, languageName, languageOptions, visibleErrors, voiceOptions, withoutField, withoutRows, type SettingsErrors } from "./settingsForm";

const breadcrumbs = [{ text: "Flow configs", href: "/" }, { text: "Settings", href: "/settings" }];
const notificationId = "settings";

/**
 * Locales with their voices, and the fallback locale. Languages and voices are picked from what the speech provider
 * offers; people who may not change settings see them read-only, told which access it takes.
 */
export function SettingsPage() {
  usePage("Settings", breadcrumbs);
  const { api, me } = useAuth();
  const { notify, dismiss } = useShell();
  const readOnly = !me?.canManageSettings;

  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [voices, setVoices] = useState<SpeechVoiceList | null>(null);
  const [voicesError, setVoicesError] = useState<string | null>(null);
  const [server, setServer] = useState<SettingsErrors>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);

  const loadSettings = useCallback(() => {
    setLoadError(null);
    api.settings().then(setSettings, (e: Error) => setLoadError(e.message));
  }, [api]);
  const loadVoices = useCallback(() => {
    setVoicesError(null);
    api.voices().then(setVoices, (e: Error) => setVoicesError(e.message));
  }, [api]);
  useEffect(loadSettings, [loadSettings]);
  useEffect(loadVoices, [loadVoices]);
  useEffect(() => () => dismiss(notificationId), [dismiss]);

  if (loadError) return <Alert type="error" header="The settings could not be loaded" action={<Button onClick={loadSettings}>Try again</Button>}>{loadError}</Alert>;
  if (!settings || !me) return <Spinner size="large" />;

  const errors = visibleErrors(settings, server, touched, submitted);
  const touch = (field: string) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
  const change = (field: string, next: AppSettings) => {
    setSettings(next);
    setServer((current) => withoutField(current, field));
  };
  const setLocale = (index: number, field: keyof Locale, locale: Locale) =>
    change(`locales[${index}].${field}`, { ...settings, locales: settings.locales.map((l, i) => (i === index ? locale : l)) });
  const chooseLanguage = (index: number, code: string) => {
    const locale = settings.locales[index];
    // A new locale's name follows its language until someone types one.
    const name = locale.name.trim() === "" || locale.name === languageName(locale.code) ? languageName(code) : locale.name;
    setLocale(index, "code", { ...locale, code, name });
  };
  const addLocale = () => setSettings({ ...settings, locales: [...settings.locales, { code: "", name: "", voices: [] }] });
  const removeLocale = (index: number) => {
    setSettings({ ...settings, locales: settings.locales.filter((_, i) => i !== index) });
    // Messages and touches are kept by position; after a removal they would sit on the wrong locale.
    setServer((current) => withoutRows(current, "locales"));
    setTouched(new Set([...touched].filter((path) => !path.startsWith("locales"))));
  };
  const reorderRules = (approvals: AppSettings["approvals"]) => {
    setSettings({ ...settings, approvals });
    setServer((current) => withoutRows(current, "approvals"));
    setTouched(new Set([...touched].filter((path) => !path.startsWith("approvals"))));
  };

  const save = async () => {
    setSubmitted(true);
    if (blocksSave(settings)) {
      notify({ id: notificationId, type: "error", header: "Settings not saved", content: "Fix the fields marked in red and save again." });
      return;
    }
    setSaving(true);
    try {
      const stored = await api.saveSettings(settings);
      setSettings(stored);
      setServer({});
      setTouched(new Set());
      setSubmitted(false);
      notify({ id: notificationId, type: "success", content: `Settings saved (version ${stored.version}).` });
    } catch (e) {
      const problem = e instanceof ApiError ? e : null;
      setServer(problem ? fromProblem(problem.fields) : {});
      notify({
        id: notificationId,
        type: "error",
        header: "Settings not saved",
        content: (e as Error).message,
        action: problem?.status === 412 ? <Button onClick={() => { dismiss(notificationId); loadSettings(); }}>Reload</Button> : undefined,
      });
    } finally {
      setSaving(false);
    }
  };

  const languages = languageOptions(voices, settings.locales.map((l) => l.code));
  const fallbackOptions = [{ value: "", label: "None" }, ...settings.locales.filter((l) => l.code).map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }))];
  const voicesStatus = voicesError ? "error" : voices ? "finished" : "loading";
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (!readOnly) void save(); }}>
      <Form
        header={<Header variant="h1" description="The languages prompts are written in, the voices that read them, the default time zone of schedules, which configs need approval, and the language used when a prompt lacks the caller's.">Settings</Header>}
        actions={readOnly ? undefined : <Button variant="primary" formAction="submit" loading={saving}>Save</Button>}>
        <SpaceBetween size="l">
          {readOnly && (
            <Alert type="info" header="Read only">
              Changing settings needs Full access on every flow config (*). Ask an administrator for the FlowConfigAdmin group or Full access on *.
            </Alert>
          )}
          {voicesError && (
            <Alert type="warning" header="The voice list could not be loaded" action={<Button formAction="none" onClick={loadVoices}>Try again</Button>}>
              {voicesError}
            </Alert>
          )}
          <Container
            header={
              <Header variant="h2" description={voices ? `Languages and voices offered by ${voices.provider.replace(/^The /, "the ")}.` : undefined}
                actions={readOnly ? undefined : <Button formAction="none" onClick={addLocale}>Add locale</Button>}>
                Locales
              </Header>
            }>
            <SpaceBetween size="l">
              {settings.locales.length === 0 && <span>No locales yet.</span>}
              {settings.locales.map((locale, index) => {
                const n = index + 1;
                const path = `locales[${index}]`;
                const chosenVoices = voiceOptions(voices, locale.code, locale.voices).filter((o) => locale.voices.includes(o.value));
                return (
                  <Container key={index}
                    header={
                      <Header variant="h3" actions={readOnly ? undefined : <Button formAction="none" ariaLabel={`Remove locale ${n}`} onClick={() => removeLocale(index)}>Remove</Button>}>
                        {locale.name || `Locale ${n}`}
                      </Header>
                    }>
                    <ColumnLayout columns={3}>
                      <FormField label={`Language of locale ${n}`} errorText={errors[`${path}.code`]}>
                        <Select
                          selectedOption={languages.find((o) => o.value === locale.code) ?? null}
                          options={languages}
                          filteringType="auto"
                          placeholder="Choose a language"
                          empty="No languages"
                          statusType={voicesStatus}
                          loadingText="Loading languages"
                          errorText="The voice list could not be loaded."
                          readOnly={readOnly}
                          onBlur={() => touch(`${path}.code`)}
                          onChange={({ detail }) => { touch(`${path}.code`); chooseLanguage(index, detail.selectedOption.value ?? ""); }}
                        />
                      </FormField>
                      <FormField label={`Name of locale ${n}`} errorText={errors[`${path}.name`]}>
                        <Input value={locale.name} readOnly={readOnly} onBlur={() => touch(`${path}.name`)}
                          onChange={({ detail }) => setLocale(index, "name", { ...locale, name: detail.value })} />
                      </FormField>
                      <FormField label={`Voices of locale ${n}`} errorText={errors[`${path}.voices`]}
                        description={locale.code ? undefined : "Choose the language first."}>
                        <Multiselect
                          selectedOptions={chosenVoices}
                          options={voiceOptions(voices, locale.code, locale.voices)}
                          filteringType="auto"
                          placeholder="Choose voices"
                          empty={locale.code ? `No voice for ${locale.code}` : "Choose the language first"}
                          statusType={voicesStatus}
                          loadingText="Loading voices"
                          errorText="The voice list could not be loaded."
                          tokenLimit={4}
                          deselectAriaLabel={(option) => `Remove ${option.label ?? option.value}`}
                          readOnly={readOnly}
                          disabled={!readOnly && locale.code === ""}
                          onChange={({ detail }) => setLocale(index, "voices", { ...locale, voices: detail.selectedOptions.map((o) => o.value ?? "").filter((v) => v) })}
                        />
                      </FormField>
                    </ColumnLayout>
                  </Container>
                );
              })}
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Time zone</Header>}>
            <FormField label="Default time zone" errorText={errors.timeZone}
              description="Schedules of configs that name no time zone of their own run on this clock. Changing it moves their entries to the new zone's wall-clock times.">
              <TimeZoneSelect value={settings.timeZone || "UTC"} readOnly={readOnly} invalid={!!errors.timeZone} ariaLabel="Default time zone"
                onChange={(zone) => change("timeZone", { ...settings, timeZone: zone })} />
            </FormField>
          </Container>
          <Container header={<Header variant="h2">Fallback</Header>}>
            <FormField label="Fallback locale" description="Used when a prompt has no text in the caller's language." errorText={errors.fallbackLocale}>
              <Select selectedOption={fallbackOptions.find((o) => o.value === (settings.fallbackLocale ?? "")) ?? fallbackOptions[0]}
                options={fallbackOptions} readOnly={readOnly}
                onChange={({ detail }) => change("fallbackLocale", { ...settings, fallbackLocale: detail.selectedOption.value || null })} />
            </FormField>
          </Container>
          <ApprovalRulesSection rules={settings.approvals ?? []} readOnly={readOnly} errors={errors} touch={touch}
            onChange={(field, approvals) => change(field, { ...settings, approvals })} onReorder={reorderRules} />
        </SpaceBetween>
      </Form>
    </form>
  );
}
