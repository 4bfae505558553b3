import type { AuditFilters } from "../api/types";
import { addDays, dateProblem } from "../schedules/localTime";

/** The audit page's filter fields as people fill them in; dates are days in the browser's time zone, "to" included. */
export interface AuditForm {
  id: string;
  user: string;
  /** yyyy-MM-dd or empty. */
  from: string;
  to: string;
  /** An action the audit names, or empty for any. */
  action: string;
}

export const emptyAuditForm: AuditForm = { id: "", user: "", from: "", to: "", action: "" };

/** The instant a day starts in the browser's zone, as the server reads times. */
function dayStart(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(year, month - 1, day).toISOString();
}

/**
 * The API's filters for the form: the days become instants (from the start of "from" to the start of the day after "to"),
 * so the audit covers the days as the user sees them whatever zone the server counts in.
 */
export function auditFilters(form: AuditForm): AuditFilters {
  const filters: AuditFilters = {};
  if (form.id.trim()) filters.id = form.id.trim();
  if (form.user.trim()) filters.user = form.user.trim();
  if (form.from && !dateProblem(form.from)) filters.from = dayStart(form.from);
  if (form.to && !dateProblem(form.to)) filters.to = dayStart(addDays(form.to, 1));
  if (form.action) filters.action = form.action;
  return filters;
}

/** Each filter field's problem: an unreadable date, or a range that ends before it starts. */
export function auditFormProblems(form: AuditForm): Partial<Record<keyof AuditForm, string>> {
  const problems: Partial<Record<keyof AuditForm, string>> = {};
  if (form.from && dateProblem(form.from)) problems.from = dateProblem(form.from);
  if (form.to && dateProblem(form.to)) problems.to = dateProblem(form.to);
  if (!problems.from && !problems.to && form.from && form.to && form.to < form.from) problems.to = "The end date must not be before the start date.";
  return problems;
}

/**
 * The audit's actions people filter by, as the server writes them. Configs, calendars and settings share the change
 * actions (the "What" column and the id tell them apart); an emergency is a flag on its change, not an action.
 */
export const auditActions: { label: string; options: { value: string; label: string }[] }[] = [
  { label: "Changes", options: ["save", "create", "delete", "rollback", "restore", "publish", "import"].map(option) },
  {
    label: "Drafts",
    options: ["draft-create", "draft-edit", "draft-submit", "draft-approve", "draft-reject", "draft-comment", "draft-delete", "draft-schedule", "draft-unschedule", "draft-publish",
      "draft-publish-failed", "draft-out-of-date"].map(option),
  },
];

function option(value: string) {
  return { value, label: value };
}
