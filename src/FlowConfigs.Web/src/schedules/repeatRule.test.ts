import { describe, expect, it } from "vitest";
import { customRuleProblem, describeRepeat, describeRule, formatRepeat, parseRepeat, repeatOfKind, repeatProblem, weekdayOf, type Repeat } from "./repeatRule";

describe("repeat rules in plain words", () => {
  it.each<[string, Repeat, string]>([
    ["FREQ=DAILY", { kind: "daily" }, "every day"],
    ["FREQ=WEEKLY;BYDAY=SU", { kind: "weekly", days: ["SU"] }, "every Sunday"],
    ["FREQ=WEEKLY;BYDAY=MO,FR", { kind: "weekly", days: ["MO", "FR"] }, "every Monday and Friday"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", { kind: "weekly", days: ["MO", "WE", "FR"] }, "every Monday, Wednesday and Friday"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", { kind: "weekly", days: ["MO", "TU", "WE", "TH", "FR"] }, "every weekday (Monday to Friday)"],
    ["FREQ=WEEKLY;BYDAY=SA,SU", { kind: "weekly", days: ["SA", "SU"] }, "every weekend (Saturday and Sunday)"],
    ["FREQ=MONTHLY;BYMONTHDAY=15", { kind: "monthly", day: 15 }, "every month on day 15"],
    ["FREQ=MONTHLY;BYMONTHDAY=31", { kind: "monthly", day: 31 }, "every month on day 31 (skipped in months without it)"],
    ["FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25", { kind: "yearly", month: 12, day: 25 }, "every year on 25 December"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", { kind: "yearly", month: 2, day: 29 }, "every year on 29 February (leap years only)"],
  ])("%s reads as a choice and back", (rule, repeat, words) => {
    expect(parseRepeat(rule)).toEqual(repeat);
    expect(formatRepeat(repeat)).toBe(rule);
    expect(describeRepeat(repeat)).toBe(words);
  });

  it("reads parts in any order and letter case, and the days in week order", () => {
    expect(parseRepeat("byday=su,mo;freq=weekly")).toEqual({ kind: "weekly", days: ["MO", "SU"] });
    expect(parseRepeat("BYMONTHDAY=25;BYMONTH=12;FREQ=YEARLY")).toEqual({ kind: "yearly", month: 12, day: 25 });
    expect(parseRepeat("FREQ=DAILY;INTERVAL=1")).toEqual({ kind: "daily" });
  });

  it("takes the day from the start when the rule leaves it there", () => {
    // 2026-11-29 is a Sunday.
    expect(weekdayOf("2026-11-29")).toBe("SU");
    expect(describeRule("FREQ=WEEKLY", "2026-11-29T02:00")).toBe("every Sunday");
    expect(describeRule("FREQ=MONTHLY", "2026-11-29T02:00")).toBe("every month on day 29 (skipped in months without it)");
    expect(describeRule("FREQ=YEARLY", "2026-12-25T00:00")).toBe("every year on 25 December");
  });

  it.each([
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    "FREQ=DAILY;COUNT=5",
    "FREQ=WEEKLY;BYDAY=1MO",
    "FREQ=MONTHLY;BYDAY=6FR",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MONTHLY;BYMONTHDAY=0",
    "FREQ=WEEKLY;BYDAY=MO,MO",
    "FREQ=HOURLY",
    "FREQ=WEEKLY",
    "FREQ=YEARLY;BYMONTH=13;BYDAY=1MO",
    "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;INTERVAL=2",
  ])("keeps %s as a custom rule, shown as it is", (rule) => {
    expect(parseRepeat(rule)).toEqual({ kind: "custom", rule });
    expect(describeRule(rule)).toBe(`custom rule ${rule}`);
    expect(formatRepeat(parseRepeat(rule))).toBe(rule);
  });

  it("has no rule when it does not repeat", () => {
    expect(parseRepeat(undefined)).toEqual({ kind: "none" });
    expect(parseRepeat("  ")).toEqual({ kind: "none" });
    expect(formatRepeat({ kind: "none" })).toBeUndefined();
    expect(formatRepeat({ kind: "custom", rule: " " })).toBeUndefined();
  });

  it.each([
    ["FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "every year on the last Monday of May"],
    ["FREQ=YEARLY;BYMONTH=9;BYDAY=1MO", "every year on the first Monday of September"],
    ["FREQ=YEARLY;BYDAY=4TH;BYMONTH=11", "every year on the fourth Thursday of November"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "every month on the last Friday"],
  ])("reads %s, a holiday that moves with the weekday, in words", (rule, words) => {
    expect(parseRepeat(rule)).toEqual({ kind: "custom", rule });
    expect(describeRule(rule)).toBe(words);
  });

  it("starts a newly chosen kind on the start's day, and keeps the rule when going custom", () => {
    const none: Repeat = { kind: "none" };
    expect(repeatOfKind("weekly", "2026-12-24T17:00", none)).toEqual({ kind: "weekly", days: ["TH"] });
    expect(repeatOfKind("monthly", "2026-12-24T17:00", none)).toEqual({ kind: "monthly", day: 24 });
    expect(repeatOfKind("yearly", "2026-12-24T17:00", none)).toEqual({ kind: "yearly", month: 12, day: 24 });
    expect(repeatOfKind("custom", "2026-12-24T17:00", { kind: "weekly", days: ["SA", "SU"] })).toEqual({ kind: "custom", rule: "FREQ=WEEKLY;BYDAY=SA,SU" });
  });

  it.each([
    ["", "Enter a rule"],
    ["RRULE:FREQ=DAILY", "Leave out 'RRULE:'"],
    ["FREQ=DAILY;;COUNT=2", "KEY=VALUE"],
    ["COUNT=2", "needs a frequency"],
    ["FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency"],
  ])("refuses the custom rule %j", (rule, message) => {
    expect(customRuleProblem(rule)).toContain(message);
  });

  it("accepts a well-formed custom rule and leaves its meaning to the server", () => {
    expect(customRuleProblem("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO")).toBeUndefined();
    expect(repeatProblem({ kind: "weekly", days: [] })).toBe("Choose at least one day of the week.");
    expect(repeatProblem({ kind: "monthly", day: 32 })).toBe("Choose a day of the month from 1 to 31.");
  });
});
