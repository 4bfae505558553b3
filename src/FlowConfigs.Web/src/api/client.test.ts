import { describe, expect, it } from "vitest";
import { itemsOf } from "./client";

describe("list answers", () => {
  it("reads the gateway's { items } and a bare array alike", () => {
    expect(itemsOf({ items: ["America/Chicago", "UTC"] })).toEqual(["America/Chicago", "UTC"]);
    expect(itemsOf(["UTC"])).toEqual(["UTC"]);
    expect(itemsOf({} as { items: string[] })).toEqual([]);
  });
});
