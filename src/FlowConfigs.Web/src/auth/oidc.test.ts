import { describe, expect, it } from "vitest";
import { isSignInPopup } from "./oidc";

const at = (origin: string) => ({ location: { origin } });

describe("isSignInPopup", () => {
  it("is the popup when a page of the same origin opened it", () => {
    const win = { ...at("https://app.example"), opener: at("https://app.example") };
    expect(isSignInPopup(win as unknown as Window)).toBe(true);
  });

  it("is not when nothing opened it (the full-page redirect)", () => {
    expect(isSignInPopup({ ...at("https://app.example"), opener: null } as unknown as Window)).toBe(false);
  });

  it("is not when another origin opened it", () => {
    const opener = { get location(): Location { throw new DOMException("Blocked", "SecurityError"); } };
    expect(isSignInPopup({ ...at("https://app.example"), opener } as unknown as Window)).toBe(false);
  });
});
