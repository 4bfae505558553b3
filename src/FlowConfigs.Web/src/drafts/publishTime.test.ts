import { describe, expect, it } from "vitest";
import { instantInZone, publishTimeText } from "./publishTime";

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

describe("publishTimeText", () => {
  const now = new Date("2026-11-27T19:00:00Z");

  it("reads the time on the config's clock, without the year this year", () => {
    expect(publishTimeText("2026-12-24T23:00:00Z", "America/Chicago", now, "en-US")).toBe("Thu, Dec 24, 17:00");
  });

  it("names the year of a publish in another year", () => {
    expect(publishTimeText("2030-06-01T14:00:00Z", "America/Chicago", now, "en-US")).toBe("Sat, Jun 1, 2030, 09:00");
  });

  it("takes this year on the config's clock, not the browser's", () => {
    // Already 2027 in Tokyo while still 2026 in UTC: a publish on 1 January there is this year's.
    const newYearsEve = new Date("2026-12-31T16:00:00Z");
    expect(publishTimeText("2027-01-01T00:30:00Z", "Asia/Tokyo", newYearsEve, "en-US")).toBe("Fri, Jan 1, 09:30");
  });
});
