import { describe, expect, it } from "vitest";
import { auditActions, auditFilters, auditFormProblems, emptyAuditForm } from "./auditFilters";

describe("auditFilters", () => {
  it("sends nothing for an empty form", () => {
    expect(auditFilters(emptyAuditForm)).toEqual({});
  });

  it("trims the id and user and keeps the action", () => {
    expect(auditFilters({ ...emptyAuditForm, id: " queue/billing ", user: "alice ", action: "publish" }))
      .toEqual({ id: "queue/billing", user: "alice", action: "publish" });
  });

  it("covers the whole of the last day: to is the start of the next day in the browser's zone", () => {
    expect(auditFilters({ ...emptyAuditForm, from: "2026-12-01", to: "2026-12-31" })).toEqual({
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2027, 0, 1).toISOString(),
    });
  });

  it("leaves an unreadable date out and says why on its field", () => {
    const form = { ...emptyAuditForm, from: "2026-02-30", to: "2026-12" };
    expect(auditFilters(form)).toEqual({});
    expect(auditFormProblems(form)).toEqual({ from: "2026/02/30 is not a date.", to: "Enter the date as YYYY/MM/DD." });
  });

  it("refuses a range that ends before it starts, on the end date", () => {
    expect(auditFormProblems({ ...emptyAuditForm, from: "2026-12-02", to: "2026-12-01" })).toEqual({ to: "The end date must not be before the start date." });
    expect(auditFormProblems({ ...emptyAuditForm, from: "2026-12-02", to: "2026-12-02" })).toEqual({});
  });

  it("offers the draft's own entries of a publish: the draft consumed, or a scheduled publish that could not happen", () => {
    const drafts = auditActions.find((g) => g.label === "Drafts")!.options.map((o) => o.value);
    expect(drafts).toEqual(expect.arrayContaining(["draft-publish", "draft-publish-failed"]));
  });

  it("offers only actions the server writes: configs, calendars and settings share save, create and the rest; an emergency is a flag", () => {
    const all = auditActions.flatMap((g) => g.options.map((o) => o.value));
    expect(auditActions.find((g) => g.label === "Changes")!.options.map((o) => o.value)).toEqual(["save", "create", "delete", "rollback", "restore", "publish", "import"]);
    expect(all).not.toContain("emergency-save");
    expect(all.filter((a) => !a.startsWith("draft-") && !["save", "create", "delete", "rollback", "restore", "publish", "import"].includes(a))).toEqual([]);
  });
});
