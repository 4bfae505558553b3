// The signed-in session lives in sessionStorage: it survives a reload of the tab, not the closing of the browser,
// and is never shared with other tabs' identities.

export interface DevTokenRequest {
  username: string;
  groups: string[];
  tags: { FlowConfigFull?: string; FlowConfigEdit?: string; FlowConfigRead?: string };
}

export interface Session {
  token: string;
  expiresAt: number;
  /** With the development issuer the same request is sent again shortly before expiry. */
  devRequest?: DevTokenRequest;
}

const key = "flowconfigs.session";

export function loadSession(now = Date.now()): Session | null {
  const raw = sessionStorage.getItem(key);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > now ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(key, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(key);
}

/** Milliseconds until a token should be renewed: a minute before it expires, and never in the past. */
export function renewDelay(session: Session, now = Date.now()): number {
  return Math.max(0, session.expiresAt - now - 60_000);
}

export async function requestDevToken(request: DevTokenRequest): Promise<Session> {
  const response = await fetch("/api/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `Sign-in failed (${response.status}).`);
  }
  const token = (await response.json()) as { access_token: string; expires_in: number };
  return { token: token.access_token, expiresAt: Date.now() + token.expires_in * 1000, devRequest: request };
}
