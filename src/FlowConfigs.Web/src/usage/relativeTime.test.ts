import { describe, expect, it } from "vitest";
import { relativeTime } from "./relativeTime";

const now = new Date("2026-10-29T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("relativeTime", () => {
  it("says Never when the config was never read", () => {
    expect(relativeTime(null, now, "en")).toBe("Never");
    expect(relativeTime(undefined, now, "en")).toBe("Never");
  });

  it("uses the largest whole unit", () => {
    expect(relativeTime(ago(12), now, "en")).toBe("12 seconds ago");
    expect(relativeTime(ago(59 * 60 + 59), now, "en")).toBe("59 minutes ago");
    expect(relativeTime(ago(3 * 3600 + 120), now, "en")).toBe("3 hours ago");
    expect(relativeTime(ago(26 * 3600), now, "en")).toBe("yesterday");
    expect(relativeTime(ago(12 * 24 * 3600), now, "en")).toBe("12 days ago");
    expect(relativeTime(ago(400 * 24 * 3600), now, "en")).toBe("last year");
  });

  it("reads a time ahead of the browser's clock as now", () => {
    expect(relativeTime(new Date(now.getTime() + 3000).toISOString(), now, "en")).toBe("now");
    expect(relativeTime(now.toISOString(), now, "en")).toBe("now");
  });

  it("has a compact form for table columns", () => {
    expect(relativeTime(ago(12), now, "en", true)).toBe("12 sec. ago");
    expect(relativeTime(ago(26 * 3600), now, "en", true)).toBe("1 day ago");
  });
});
