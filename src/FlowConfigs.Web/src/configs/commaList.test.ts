import { describe, expect, it } from "vitest";
import { formatCommaList, parseCommaList, sameCommaList } from "./commaList";

describe("comma lists", () => {
  it("splits on commas and trims each item", () => {
    expect(parseCommaList("low, medium,high ")).toEqual(["low", "medium", "high"]);
  });

  it("drops empty items, so a trailing comma while typing adds nothing", () => {
    expect(parseCommaList("low, ")).toEqual(["low"]);
    expect(parseCommaList(" , ,")).toEqual([]);
    expect(parseCommaList("")).toEqual([]);
  });

  it("keeps spaces inside an item and keeps duplicates for validation to name", () => {
    expect(parseCommaList("very high, low,low")).toEqual(["very high", "low", "low"]);
  });

  it("formats a list the way it parses back", () => {
    const items = ["low", "very high"];
    expect(formatCommaList(items)).toBe("low, very high");
    expect(parseCommaList(formatCommaList(items))).toEqual(items);
  });

  it("recognises text that still means the same list", () => {
    expect(sameCommaList("low, medium,", ["low", "medium"])).toBe(true);
    expect(sameCommaList("low, medium, h", ["low", "medium"])).toBe(false);
    expect(sameCommaList("medium, low", ["low", "medium"])).toBe(false);
  });
});
