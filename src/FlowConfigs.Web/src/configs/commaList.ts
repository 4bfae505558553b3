/**
 * A comma-separated list the user types into one field ("low, medium, high"). While typing, the field keeps the raw
 * text (commas and spaces included); it becomes a list only when the field is left or the form is saved.
 */
export function parseCommaList(text: string): string[] {
  return text.split(",").map((item) => item.trim()).filter((item) => item.length > 0);
}

/** The list as the field shows it. */
export function formatCommaList(items: readonly string[]): string {
  return items.join(", ");
}

/** Whether the text, parsed, is the same list (so a field need not be rewritten under the user's cursor). */
export function sameCommaList(text: string, items: readonly string[]): boolean {
  const parsed = parseCommaList(text);
  return parsed.length === items.length && parsed.every((item, i) => item === items[i]);
}
