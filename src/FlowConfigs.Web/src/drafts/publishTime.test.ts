import { describe, expect, it } from "vitest";
import { instantInZone } from "./publishTime";

describe("instantInZone", () => {
  it("reads the date and time on the config's clock", () => {
    expect(instantInZone({ date: "2026-12-24", time: "17:00" }, "America/Chicago")).toBe("2026-12-24T23:00:00.000Z");
    expect(instantInZone({ date: "2026-07-01", time: "09:30" }, "Europe/Berlin")).toBe("2026-07-01T07:30:00.000Z");
    expect(instantInZone({ date: "2026-12-24", time: "17:00" }, "UTC")).toBe("2026-12-24T17:00:00.000Z");
  });

  it("takes the first of a time that happens twice when clocks go back", () => {
    // 2026-11-01 01:30 happens at 06:30Z (CDT) and again at 07:30Z (CST) in Chicago.
    expect(instantInZone({ date: "2026-11-01", time: "01:30" }, "America/Chicago")).toBe("2026-11-01T06:30:00.000Z");
  });

  it("moves a time in the spring-forward gap on by the gap", () => {
    // 2026-03-08 02:30 does not exist in Chicago; clocks jump from 02:00 CST (08:00Z) to 03:00 CDT.
    expect(instantInZone({ date: "2026-03-08", time: "02:30" }, "America/Chicago")).toBe("2026-03-08T08:30:00.000Z");
  });

  it("gives nothing for incomplete fields", () => {
    expect(instantInZone({ date: "2026-12-24", time: "" }, "UTC")).toBeUndefined();
  });
});
