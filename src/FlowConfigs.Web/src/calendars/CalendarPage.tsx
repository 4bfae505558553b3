import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Cards from "@cloudscape-design/components/cards";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import { ApiError } from "../api/client";
import type { Calendar, CalendarEvent, CalendarRevisionSummary } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { editorPath } from "../configs/paths";
import { usePage, useShell } from "../shell/ShellContext";
import { formatLocal } from "../schedules/localTime";
import { describeRule } from "../schedules/repeatRule";
import type { FieldErrors } from "../configs/validation";
import { describeCalendarProblems, problemsOfEvent } from "./calendarProblems";
import { DeleteCalendarModal } from "./DeleteCalendarModal";
import { EventModal } from "./EventModal";
import { ImportIcsModal } from "./ImportIcsModal";
import { calendarPagePath, calendarsPath } from "./paths";
import "./calendars.css";

const noticeId = "calendar";
const problemId = "calendar-problem";
const recentChanges = 5;
const revisionAction: Record<CalendarRevisionSummary["action"], string> = { save: "saved", delete: "deleted", rollback: "rolled back" };

/**
 * One shared calendar: its events (each change saved at once, for every config using it), an .ics import that replaces
 * them, the configs that use it and its recent changes. Changing it needs Full access on every config (*).
 */
export function CalendarPage() {
  const { id = "" } = useParams();
  const { api, me } = useAuth();
  const { notify, dismiss } = useShell();
  const navigate = useNavigate();
  usePage(id, [{ text: "Flow configs", href: "/" }, { text: "Calendars", href: calendarsPath }, { text: id, href: calendarPagePath(id) }]);
  const canManage = !!me?.canManageCalendars;

  const [calendar, setCalendar] = useState<Calendar | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [usedBy, setUsedBy] = useState<string[] | null>(null);
  const [history, setHistory] = useState<CalendarRevisionSummary[] | null>(null);
  /** The event being changed (its position), the length of the list to add one, or null. */
  const [editing, setEditing] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  /** What the server said about the event in the form, at its last save. */
  const [eventErrors, setEventErrors] = useState<FieldErrors>({});

  const load = useCallback(async () => {
    try {
      const found = await api.calendar(id);
      setCalendar(found.calendar);
      setEtag(found.etag);
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, [api, id]);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => { api.calendarConfigs(id).then(setUsedBy, () => setUsedBy(null)); }, [api, id]);
  useEffect(() => {
    api.calendarHistory(id).then((h) => setHistory(h.items.slice(0, recentChanges)), () => setHistory(null));
  }, [api, id, calendar?.version]);
  useEffect(() => () => dismiss(problemId), [dismiss]);

  const failed = (what: string, e: unknown, events: CalendarEvent[] = []) => {
    const stale = e instanceof ApiError && e.status === 412;
    const fields = e instanceof ApiError ? describeCalendarProblems(e.fields, events) : [];
    notify({
      id: problemId, type: stale ? "warning" : "error", header: stale ? "Changed by someone else" : what,
      content: stale ? "This calendar was changed since you opened it. Reload to see the latest events, then make your change again."
        : fields.length ? fields.join(" ") : (e as Error).message,
      action: stale ? <Button onClick={() => { dismiss(problemId); void load(); }}>Reload</Button> : undefined,
    });
  };

  const saveEvents = async (events: CalendarEvent[], done: string) => {
    if (!calendar) return;
    setBusy(true);
    dismiss(problemId);
    try {
      const stored = await api.saveCalendar({ ...calendar, events }, { etag });
      setCalendar(stored.calendar);
      setEtag(stored.etag);
      setEditing(null);
      setEventErrors({});
      notify({ id: noticeId, type: "success", header: done, content: `Version ${stored.calendar.version} of ${id} applies to every config that uses it.` });
    } catch (e) {
      if (e instanceof ApiError && editing !== null) setEventErrors(problemsOfEvent(e.fields, editing));
      failed("The calendar was not saved", e, events);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (ics: string) => {
    setBusy(true);
    dismiss(problemId);
    try {
      const stored = await api.importCalendar(id, ics);
      setCalendar(stored.calendar);
      setEtag(stored.etag);
      setImporting(false);
      notify({ id: noticeId, type: "success", header: `Imported ${stored.calendar.events.length} events into ${id}.` });
    } catch (e) {
      setImporting(false);
      failed("The file was not imported", e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await api.removeCalendar(id, etag);
      notify({ id: noticeId, type: "success", header: `Deleted calendar ${id}.` });
      navigate(calendarsPath);
    } catch (e) {
      setDeleting(false);
      failed(`${id} was not deleted`, e);
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <Alert type="error" header="The calendar could not be opened" action={<Button onClick={() => void load()}>Try again</Button>}>{loadError}</Alert>;
  if (!calendar) return <Spinner size="large" />;
  const events = calendar.events;

  return (
    <ContentLayout header={
      <Header variant="h1" description={calendar.description}
        actions={canManage ? (
          <SpaceBetween direction="horizontal" size="xs">
            <Button onClick={() => setDeleting(true)}>Delete</Button>
            <Button onClick={() => setImporting(true)}>Import .ics</Button>
          </SpaceBetween>
        ) : undefined}>
        {id}
      </Header>}>
      <SpaceBetween size="l">
        {!canManage && (
          <Alert type="info" header="Read-only">Changing calendars needs Full access on every config (*): the FlowConfigAdmin group, or a FlowConfigFull pattern of *.</Alert>
        )}
        {/* Cards rather than a table: at phone width a row of five columns would break every word. */}
        <Cards
          variant="container"
          items={events.map((event, index) => ({ event, index }))}
          trackBy={(item) => String(item.index)}
          cardsPerRow={[{ cards: 1 }, { minWidth: 500, cards: 2 }, { minWidth: 900, cards: 3 }]}
          ariaLabels={{ itemSelectionLabel: () => "", selectionGroupLabel: "Events" }}
          header={
            <Header variant="h2" counter={`(${events.length})`}
              description="Wall-clock times, read in the time zone of each config that uses the calendar."
              actions={canManage ? <Button onClick={() => setEditing(events.length)}>Add event</Button> : undefined}>
              Events
            </Header>
          }
          empty={<Box textAlign="center" color="inherit">No events.{canManage ? " Add one, or import an .ics file." : ""}</Box>}
          cardDefinition={{
            header: ({ event }) => <span style={{ overflowWrap: "break-word" }}>{event.name}</span>,
            sections: [
              { id: "when", header: "When", content: ({ event }) => `${formatLocal(event.start)} to ${formatLocal(event.end)}` },
              { id: "repeat", header: "Repeats", content: ({ event }) => (event.repeat ? describeRule(event.repeat, event.start) : "does not repeat") },
              ...(canManage ? [{
                id: "actions", content: ({ event, index }: { event: CalendarEvent; index: number }) => (
                  <SpaceBetween direction="horizontal" size="xs">
                    <Button ariaLabel={`Change ${event.name}`} onClick={() => setEditing(index)}>Change</Button>
                    <Button ariaLabel={`Remove ${event.name}`} disabled={busy}
                      onClick={() => void saveEvents(events.filter((_, i) => i !== index), `Removed ${event.name}.`)}>Remove</Button>
                  </SpaceBetween>
                ),
              }] : []),
            ],
          }}
        />
        <Container header={<Header variant="h2" description="Configs whose schedule follows this calendar.">Used by</Header>}>
          {usedBy === null ? <Box color="text-body-secondary">Not known right now.</Box>
            : usedBy.length === 0 ? <Box color="text-body-secondary">No config uses this calendar yet.</Box>
            : (
              <ul className="calendar-used-by">
                {usedBy.map((config) => (
                  <li key={config}>
                    <Link href={`${editorPath(config)}?tab=schedule`} onFollow={(e) => { e.preventDefault(); navigate(`${editorPath(config)}?tab=schedule`); }}>{config}</Link>
                  </li>
                ))}
              </ul>
            )}
        </Container>
        <Container header={<Header variant="h2" description="The latest changes, newest first.">Recent changes</Header>}>
          <SpaceBetween size="s">
            <KeyValuePairs columns={2} items={[
              { label: "Version", value: calendar.version ?? "-" },
              { label: "Last changed", value: calendar.updatedAt ? `${new Date(calendar.updatedAt).toLocaleString()}${calendar.updatedBy ? ` by ${calendar.updatedBy}` : ""}` : "-" },
            ]} />
            {history && history.length > 0 && (
              <ul className="calendar-used-by">
                {history.map((r) => <li key={r.version}>Version {r.version}: {revisionAction[r.action]} by {r.by}, {new Date(r.at).toLocaleString()}</li>)}
              </ul>
            )}
          </SpaceBetween>
        </Container>
      </SpaceBetween>
      {editing !== null && (
        <EventModal event={events[editing]} saving={busy} serverErrors={eventErrors} onCancel={() => { setEditing(null); setEventErrors({}); }}
          onSave={(event) => void saveEvents(editing < events.length ? events.map((e, i) => (i === editing ? event : e)) : [...events, event],
            editing < events.length ? `Changed ${event.name}.` : `Added ${event.name}.`)} />
      )}
      {importing && <ImportIcsModal id={id} currentEvents={events.length} importing={busy} onCancel={() => setImporting(false)} onImport={(ics) => void importFile(ics)} />}
      {deleting && <DeleteCalendarModal id={id} usedBy={usedBy} deleting={busy} onCancel={() => setDeleting(false)} onConfirm={() => void remove()} />}
    </ContentLayout>
  );
}
