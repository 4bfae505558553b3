import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { InitSettings } from "../api/types";

// Cognito (or any OIDC provider): authorization-code flow with PKCE, silent renewal, tokens in sessionStorage.

export function createUserManager(init: InitSettings): UserManager {
  return new UserManager({
    authority: init.auth.authority,
    client_id: init.auth.clientId ?? "",
    redirect_uri: `${window.location.origin}/auth/callback`,
    post_logout_redirect_uri: window.location.origin,
    response_type: "code",
    scope: init.auth.scopes.join(" "),
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
