import { useNavigate } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { useAuth } from "../auth/AuthContext";
import { usePage } from "../shell/ShellContext";
import { ImportWizard } from "./ImportWizard";

/**
 * Importing flow configs from a JSON file. Export lives on the list (select configs, Export); a user who may not
 * create configs sees why they cannot import here instead of a form that would fail.
 */
export function ImportExportPage() {
  const { me, init } = useAuth();
  const navigate = useNavigate();
  usePage("Import flow configs", [{ text: "Flow configs", href: "/" }, { text: "Import", href: "/import" }], init.branding.productName);

  if (!me) return <Spinner size="large" />;
  if (me.canCreateConfigs) return <ImportWizard />;
  return (
    <SpaceBetween size="l">
      <Header variant="h1">Import flow configs</Header>
      <Alert type="info" header="Importing needs create rights"
        action={<Button onClick={() => navigate("/")}>Go to flow configs</Button>}>
        Importing creates and replaces configs, so it needs Full access on the ids in the file: the FlowConfigAdmin
        group, or a Full access pattern on your account. You can still export the configs you may read: select them
        on the Flow configs list and choose Export.
      </Alert>
    </SpaceBetween>
  );
}
