import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { InitSettings } from "../api/types";

// Cognito (or any OIDC provider): authorization-code flow with PKCE, silent renewal, tokens in sessionStorage. The
// framed app signs in through a popup that comes back to the same callback page.

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

/**
 * Whether this window is the popup the framed app opened for sign-in: it was opened by a page of this origin. The popup
 * hands the answer back to that page, which exchanges the code in its own (framed) session.
 */
export function isSignInPopup(win: Window = window): boolean {
  try {
    return !!win.opener && win.opener !== win && win.opener.location.origin === win.location.origin;
  } catch {
    return false;
  }
}
