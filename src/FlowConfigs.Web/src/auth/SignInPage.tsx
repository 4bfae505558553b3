import { useState } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { useAuth } from "./AuthContext";

const groups = ["FlowConfigAdmin", "FlowConfigEdit", "FlowConfigRead"] as const;

/** Development sign-in: pick a username, groups and tag patterns; the gateway's development issuer signs a token. */
export function SignInPage() {
  const auth = useAuth();
  const [username, setUsername] = useState("");
  const [chosen, setChosen] = useState<Record<string, boolean>>({ FlowConfigAdmin: true });
  const [full, setFull] = useState("");
  const [edit, setEdit] = useState("");
  const [read, setRead] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (auth.init.auth.mode === "oidc") {
    return (
      <Box margin="xxl" textAlign="center">
        <SpaceBetween size="m">
          <Header variant="h1">FlowConfigs</Header>
          {error && <Alert type="error" header="Sign-in did not complete">{error}</Alert>}
          <Button variant="primary" onClick={() => auth.signInOidc().catch((e: Error) => setError(e.message))}>Sign in</Button>
        </SpaceBetween>
      </Box>
    );
  }

  const submit = async () => {
    if (username.trim().length === 0) {
      setError("Enter a username.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await auth.signInDevelopment({
        username: username.trim(),
        groups: groups.filter((g) => chosen[g]),
        tags: { FlowConfigFull: full || undefined, FlowConfigEdit: edit || undefined, FlowConfigRead: read || undefined },
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box margin={{ vertical: "xxl", horizontal: "xxxl" }}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Form
          header={<Header variant="h1" description="Development identity: the gateway signs a token for whoever you say you are.">Sign in to FlowConfigs</Header>}
          actions={<Button variant="primary" loading={busy} formAction="submit">Sign in</Button>}
          errorText={error}
        >
          <Container>
            <SpaceBetween size="l">
              <FormField label="Username">
                <Input value={username} onChange={({ detail }) => setUsername(detail.value)} autoFocus />
              </FormField>
              <FormField label="Groups">
                <SpaceBetween size="xs">
                  {groups.map((group) => (
                    <Checkbox key={group} checked={!!chosen[group]} onChange={({ detail }) => setChosen({ ...chosen, [group]: detail.checked })}>
                      {group}
                    </Checkbox>
                  ))}
                </SpaceBetween>
              </FormField>
              <FormField label="Full access patterns" description="Comma-separated id patterns; * matches anything, e.g. team-a/*">
                <Input value={full} onChange={({ detail }) => setFull(detail.value)} />
              </FormField>
              <FormField label="Edit access patterns">
                <Input value={edit} onChange={({ detail }) => setEdit(detail.value)} />
              </FormField>
              <FormField label="Read access patterns">
                <Input value={read} onChange={({ detail }) => setRead(detail.value)} />
              </FormField>
              <Alert type="info">Tokens last an hour and are renewed while the tab is open.</Alert>
            </SpaceBetween>
          </Container>
        </Form>
      </form>
    </Box>
  );
}
