import { beforeEach, describe, expect, it } from "vitest";
import { clearSession, loadSession, renewDelay, saveSession } from "./session";

describe("session", () => {
  beforeEach(() => sessionStorage.clear());

  it("round-trips through sessionStorage until it expires", () => {
    saveSession({ token: "t", expiresAt: 10_000 });
    expect(loadSession(5_000)?.token).toBe("t");
    expect(loadSession(10_000)).toBeNull();
    clearSession();
    expect(loadSession(0)).toBeNull();
  });

  it("ignores a damaged entry", () => {
    sessionStorage.setItem("flowconfigs.session", "{not json");
    expect(loadSession(0)).toBeNull();
  });

  it("renews a minute before expiry, never in the past", () => {
    expect(renewDelay({ token: "t", expiresAt: 3_600_000 }, 0)).toBe(3_540_000);
    expect(renewDelay({ token: "t", expiresAt: 30_000 }, 0)).toBe(0);
  });
});
