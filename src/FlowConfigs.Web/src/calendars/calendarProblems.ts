import type { CalendarEvent } from "../api/types";
import type { FieldErrors } from "../configs/validation";

const eventKey = /^events\[(\d+)\](?:\.(.*))?$/;

/** The server's messages about a calendar as sentences, events named rather than numbered: "Christmas Day, end: ...". */
export function describeCalendarProblems(fields: Record<string, string[]>, events: CalendarEvent[]): string[] {
  return Object.entries(fields).flatMap(([key, messages]) => {
    const match = eventKey.exec(key);
    const where = match ? `${events[Number(match[1])]?.name || `Event ${Number(match[1]) + 1}`}${match[2] ? `, ${match[2]}` : ""}` : key;
    return messages.map((message) => `${where}: ${message}`);
  });
}

/** What the server said about one event, keyed by its field inside the event (name, start, end, repeat). */
export function problemsOfEvent(fields: Record<string, string[]>, index: number): FieldErrors {
  const mine: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields)) {
    const match = eventKey.exec(key);
    if (match && Number(match[1]) === index) mine[match[2] ?? ""] = messages[0];
  }
  return mine;
}
