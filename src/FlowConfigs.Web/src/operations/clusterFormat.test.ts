import { describe, expect, it } from "vitest";
import { formatHitRate, formatUptime, formatVersion, siloStatusLabel, siloStatusType } from "./clusterFormat";

describe("formatUptime", () => {
  it.each([
    [null, "-"],
    [-1, "-"],
    [0, "0 s"],
    [59.9, "59 s"],
    [60, "1 min"],
    [3599, "59 min"],
    [3600, "1 h"],
    [3660, "1 h 1 min"],
    [86_399, "23 h 59 min"],
    [86_400, "1 d"],
    [90_000, "1 d 1 h"],
    [10 * 86_400 + 7200 + 59, "10 d 2 h"],
  ])("%s seconds read %s", (seconds, expected) => expect(formatUptime(seconds)).toBe(expected));
});

describe("formatHitRate", () => {
  const figures = (hitRate: number | null) => ({ hits: 0, misses: 0, hitRate, copies: 0 });
  it("says when a task did not report", () => expect(formatHitRate(null)).toBe("Not reported"));
  it("says when there were no reads", () => expect(formatHitRate(figures(null))).toBe("No reads yet"));
  it("shows one decimal", () => expect(formatHitRate(figures(0.8765))).toBe("87.6 %"));
  it("shows all hits as 100", () => expect(formatHitRate(figures(1))).toBe("100.0 %"));
  it("never rounds a rate with misses up to 100", () => expect(formatHitRate(figures(0.99999))).toBe("99.9 %"));
  it("shows no hits as 0", () => expect(formatHitRate(figures(0))).toBe("0.0 %"));
});

describe("silo status", () => {
  it.each([
    ["Active", "success", "Active"],
    ["Joining", "pending", "Joining"],
    ["ShuttingDown", "stopped", "Shutting down"],
    ["Stopping", "stopped", "Stopping"],
    ["Dead", "error", "Dead"],
    ["None", "info", "None"],
  ])("%s is %s, read %s", (status, type, label) => {
    expect(siloStatusType(status)).toBe(type);
    expect(siloStatusLabel(status)).toBe(label);
  });
});

describe("formatVersion", () => {
  it.each([
    [null, "-"],
    ["1.0.0", "1.0.0"],
    ["1.0.0+5ba83da6702ccd2d467d63073033f365a3447209", "1.0.0+5ba83da"],
    ["2.1.0-rc.1+5ba83da6702ccd2d467d63073033f365a3447209", "2.1.0-rc.1+5ba83da"],
    // Anything that is not a whole commit hash is shown as built.
    ["1.0.0+local", "1.0.0+local"],
    ["1.0.0+5ba83da", "1.0.0+5ba83da"],
  ])("%s reads %s", (version, expected) => expect(formatVersion(version)).toBe(expected));
});
