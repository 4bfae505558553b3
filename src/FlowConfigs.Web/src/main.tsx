import "@cloudscape-design/global-styles/index.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiClient } from "./api/client";
import { AuthProvider } from "./auth/AuthContext";
import { App } from "./shell/App";
import { initAgentWorkspace } from "./shell/agentWorkspace";

initAgentWorkspace();
const init = await new ApiClient(() => null).init();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AuthProvider init={init}>
      <App />
    </AuthProvider>
  </StrictMode>,
);
