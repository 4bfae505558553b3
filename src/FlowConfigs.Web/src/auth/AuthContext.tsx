import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { UserManager } from "oidc-client-ts";
import { ApiClient } from "../api/client";
import type { InitSettings, Me } from "../api/types";
import { isFramed } from "../shell/framing";
import { createUserManager, isSignInPopup } from "./oidc";
import { clearSession, loadSession, renewDelay, requestDevToken, saveSession, type DevTokenRequest, type Session } from "./session";

interface Auth {
  init: InitSettings;
  session: Session | null;
  me: Me | null;
  api: ApiClient;
  signInDevelopment(request: DevTokenRequest): Promise<void>;
  signInOidc(): Promise<void>;
  completeOidcSignIn(): Promise<void>;
  signOut(): void;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}

export function AuthProvider({ init, children }: { init: InitSettings; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [me, setMe] = useState<Me | null>(null);
  const users: UserManager | null = useMemo(() => (init.auth.mode === "oidc" ? createUserManager(init) : null), [init]);

  const signOut = useCallback(() => {
    clearSession();
    setSession(null);
    setMe(null);
    void users?.removeUser();
  }, [users]);

  const api = useMemo(() => new ApiClient(() => loadSession()?.token ?? null, signOut), [signOut]);

  const adopt = useCallback((next: Session) => {
    saveSession(next);
    setSession(next);
  }, []);

  // Renew before expiry: the development issuer is simply asked again; OIDC renews silently through oidc-client-ts.
  useEffect(() => {
    if (!session?.devRequest) return;
    const timer = window.setTimeout(() => {
      requestDevToken(session.devRequest!).then(adopt, signOut);
    }, renewDelay(session));
    return () => window.clearTimeout(timer);
  }, [session, adopt, signOut]);

  useEffect(() => {
    if (!users) return;
    const renewed = users.events.addUserLoaded((user) => adopt(oidcSession(user)));
    const expired = users.events.addAccessTokenExpired(signOut);
    return () => {
      renewed();
      expired();
    };
  }, [users, adopt, signOut]);

  useEffect(() => {
    if (!session) return;
    api.me().then(setMe, () => setMe(null));
  }, [session, api]);

  const value: Auth = {
    init,
    session,
    me,
    api,
    signInDevelopment: async (request) => adopt(await requestDevToken(request)),
    // Hosted sign-in pages (Cognito's among them) refuse to be framed, so inside the Agent Workspace sign-in opens a popup.
    signInOidc: async () => {
      if (!users) return;
      if (isFramed()) adopt(oidcSession(await users.signinPopup()));
      else await users.signinRedirect();
    },
    completeOidcSignIn: async () => {
      if (isSignInPopup()) await users!.signinPopupCallback();
      else adopt(oidcSession(await users!.signinRedirectCallback()));
    },
    signOut,
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/**
 * Cognito puts custom attributes (the custom:FlowConfig* tag patterns) only in the ID token, so that is the bearer
 * the gateway gets when there is one; it accepts ID tokens by their audience (the app client id).
 */
function oidcSession(user: { id_token?: string; access_token: string; expires_at?: number }) {
  return { token: user.id_token ?? user.access_token, expiresAt: (user.expires_at ?? 0) * 1000 };
}
