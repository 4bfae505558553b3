import { useEffect, useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { ApiError } from "../api/client";
import type { AppSettings, Locale } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { validateLanguage } from "../configs/validation";

/** Locales with their voices, and the fallback locale (Full access on every config). */
export function SettingsPage() {
  const { api } = useAuth();
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [message, setMessage] = useState<{ type: "error" | "success"; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => { api.settings().then(setSettings, (e: Error) => setMessage({ type: "error", text: e.message })); }, [api]);
  if (!settings) return message ? <Alert type="error">{message.text}</Alert> : null;

  const setLocale = (index: number, locale: Locale) =>
    setSettings({ ...settings, locales: settings.locales.map((l, i) => (i === index ? locale : l)) });

  const save = async () => {
    setErrors({});
    try {
      const stored = await api.saveSettings(settings);
      setSettings(stored);
      setMessage({ type: "success", text: `Settings saved (version ${stored.version}).` });
    } catch (e) {
      if (e instanceof ApiError) setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, v[0]])));
      setMessage({ type: "error", text: (e as Error).message });
    }
  };

  const fallbackOptions = [{ value: "", label: "None" }, ...settings.locales.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }))];
  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <Form header={<Header variant="h1" description="The languages prompts are written in, the voices that read them, and the language used when a prompt lacks the caller's.">Settings</Header>}
        actions={<Button variant="primary" formAction="submit">Save</Button>}>
        <SpaceBetween size="l">
          {message && <Alert type={message.type} dismissible onDismiss={() => setMessage(null)}>{message.text}</Alert>}
          <Container header={<Header variant="h2" actions={<Button formAction="none" onClick={() => setSettings({ ...settings, locales: [...settings.locales, { code: "", name: "", voices: [] }] })}>Add locale</Button>}>Locales</Header>}>
            <SpaceBetween size="m">
              {settings.locales.map((locale, index) => (
                <SpaceBetween key={index} direction="horizontal" size="s">
                  <FormField label={`Code of locale ${index + 1}`} errorText={errors[`locales[${index}].code`] ?? (locale.code ? validateLanguage(locale.code) : undefined)}>
                    <Input value={locale.code} onChange={({ detail }) => setLocale(index, { ...locale, code: detail.value })} />
                  </FormField>
                  <FormField label={`Name of locale ${index + 1}`} errorText={errors[`locales[${index}].name`]}>
                    <Input value={locale.name} onChange={({ detail }) => setLocale(index, { ...locale, name: detail.value })} />
                  </FormField>
                  <FormField label={`Voices of locale ${index + 1}`} description="Comma-separated voice ids" errorText={errors[`locales[${index}].voices`]}>
                    <Input value={locale.voices.join(", ")}
                      onChange={({ detail }) => setLocale(index, { ...locale, voices: detail.value.split(",").map((v) => v.trim()).filter((v) => v) })} />
                  </FormField>
                  <Button formAction="none" ariaLabel={`Remove locale ${index + 1}`}
                    onClick={() => setSettings({ ...settings, locales: settings.locales.filter((_, i) => i !== index) })}>Remove</Button>
                </SpaceBetween>
              ))}
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Fallback</Header>}>
            <FormField label="Fallback locale" errorText={errors.fallbackLocale}>
              <Select selectedOption={fallbackOptions.find((o) => o.value === (settings.fallbackLocale ?? "")) ?? fallbackOptions[0]}
                options={fallbackOptions} onChange={({ detail }) => setSettings({ ...settings, fallbackLocale: detail.selectedOption.value || null })} />
            </FormField>
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
