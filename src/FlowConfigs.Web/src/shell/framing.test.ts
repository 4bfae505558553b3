import { describe, expect, it } from "vitest";
import { isFramed } from "./framing";

describe("isFramed", () => {
  it("is false in a tab of its own", () => {
    expect(isFramed({ self: 1, top: 1 } as unknown as Window)).toBe(false);
  });

  it("is true inside another page's frame", () => {
    expect(isFramed({ self: 1, top: 2 } as unknown as Window)).toBe(true);
  });

  it("is true when the parent refuses to be read", () => {
    const win = { self: 1, get top(): Window { throw new DOMException("Blocked a frame", "SecurityError"); } };
    expect(isFramed(win as unknown as Window)).toBe(true);
  });
});
