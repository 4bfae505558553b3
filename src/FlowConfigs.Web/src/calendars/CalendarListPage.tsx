import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Table from "@cloudscape-design/components/table";
import type { CalendarSummary } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { usePage } from "../shell/ShellContext";
import { CreateCalendarModal } from "./CreateCalendarModal";
import { calendarPagePath, calendarsPath } from "./paths";

/** The shared calendars configs' schedules refer to: public holidays, an emergency closure. */
export function CalendarListPage() {
  const { api, me, init } = useAuth();
  const navigate = useNavigate();
  usePage("Calendars", [{ text: "Flow configs", href: "/" }, { text: "Calendars", href: calendarsPath }], init.branding.productName);
  const [calendars, setCalendars] = useState<CalendarSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    setError(null);
    api.calendars().then(setCalendars, (e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load]);

  const open = (id: string) => navigate(calendarPagePath(id));
  return (
    <>
      <Table
        variant="full-page"
        items={calendars ?? []}
        loading={calendars === null && !error}
        loadingText="Loading calendars"
        trackBy="id"
        wrapLines
        ariaLabels={{ tableLabel: "Calendars" }}
        header={
          <Header variant="awsui-h1-sticky" counter={calendars ? `(${calendars.length})` : undefined}
            description="Dated events, such as public holidays, that schedule entries of many configs follow. A change here reaches every config that uses the calendar within a second."
            actions={me?.canManageCalendars ? <Button variant="primary" onClick={() => setCreating(true)}>Create calendar</Button> : undefined}>
            Calendars
          </Header>
        }
        empty={
          <Box textAlign="center" color="inherit">
            {error ? (
              <>
                <Box variant="p" color="text-status-error">The calendars could not be loaded: {error}</Box>
                <Button onClick={load}>Try again</Button>
              </>
            ) : (
              <Box variant="p">No calendars yet.{me?.canManageCalendars ? "" : " Creating one needs Full access on every config (*)."}</Box>
            )}
          </Box>
        }
        columnDefinitions={[
          {
            id: "id", header: "Id", cell: (c) => (
              <span style={{ overflowWrap: "anywhere" }}>
                <Link href={calendarPagePath(c.id)} onFollow={(e) => { e.preventDefault(); open(c.id); }}>{c.id}</Link>
              </span>
            ),
          },
          { id: "description", header: "Description", cell: (c) => <span style={{ overflowWrap: "anywhere" }}>{c.description}</span> },
          { id: "events", header: "Events", cell: (c) => c.eventCount },
          { id: "version", header: "Version", cell: (c) => c.version },
          { id: "updated", header: "Changed", cell: (c) => (c.updatedAt ? `${new Date(c.updatedAt).toLocaleString()}${c.updatedBy ? ` by ${c.updatedBy}` : ""}` : "") },
        ]}
      />
      {creating && <CreateCalendarModal onCancel={() => setCreating(false)} onCreated={(id) => { setCreating(false); open(id); }} />}
    </>
  );
}
