import { useEffect, useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import DatePicker from "@cloudscape-design/components/date-picker";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import RadioGroup from "@cloudscape-design/components/radio-group";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import type { TimelineSegment } from "../api/types";
import { useAuth } from "../auth/AuthContext";
import { dateProblem, fieldsInZone } from "./localTime";
import { timelineLanes, timelineRangeFrom, timelineRows, timelineWeeks, type TimelineWeeks } from "./timeline";
import "./schedules.css";

/** Rows shown before "Show all": a daily entry over twelve weeks makes 84. */
const firstRows = 40;

interface Props {
  id: string;
  /** Reloads when the saved version changes. */
  version?: number;
  zone: string;
  /** Entry names in schedule order (precedence). */
  order: string[];
  /** The editor holds schedule changes not saved yet: the timeline shows the saved schedule. */
  unsaved: boolean;
}

/** Which entries of the saved schedule apply when over the next weeks, on the config's clock. */
export function ScheduleTimeline({ id, version, zone, order, unsaved }: Props) {
  const { api } = useAuth();
  const [weeks, setWeeks] = useState<TimelineWeeks>(4);
  const [segments, setSegments] = useState<TimelineSegment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  // Today in the zone unless the user picks another day (to look at next Christmas, say).
  const [fromDay, setFromDay] = useState<string | null>(null);
  const today = fieldsInZone(new Date(), zone).date;
  const day = fromDay ?? today;
  const dayProblem = dateProblem(day);

  useEffect(() => {
    if (dateProblem(day)) return;
    let current = true;
    const { from, to } = timelineRangeFrom(day, weeks);
    setSegments(null);
    api.timeline(id, from, to).then(
      (s) => { if (current) { setSegments(s); setError(null); } },
      (e: Error) => { if (current) setError(e.message); },
    );
    return () => { current = false; };
  }, [api, id, version, day, weeks]);

  const rows = segments ? timelineRows(segments, zone) : [];
  const lanes = segments ? timelineLanes(segments, order) : [];
  // The list names the stretches where something applies; the bar above shows the gaps between them.
  const active = rows.filter((row) => row.entries.length > 0);
  const shown = all ? active : active.slice(0, firstRows);
  return (
    <Container header={
      <Header variant="h2" description={`When each entry of the saved schedule applies, in ${zone}; at other times the config's own values hold.${unsaved ? " Save to see your changes here." : ""}`}>
        Timeline
      </Header>}>
      <SpaceBetween size="l">
      {/* Radio buttons rather than a segmented control: its segments are narrower than their labels in the editor's column. */}
      <div className="local-date-time">
        <FormField label={`From (${zone})`} description={day === today ? "Today; choose another day to look further ahead." : undefined} errorText={dayProblem}>
          <DatePicker value={day} placeholder="YYYY/MM/DD" openCalendarAriaLabel={(selected) => `Choose the first day of the timeline${selected ? `, selected ${selected}` : ""}`}
            onChange={({ detail }) => { setFromDay(detail.value); setAll(false); }} />
        </FormField>
        <FormField label="How far ahead">
          <RadioGroup direction="horizontal" value={String(weeks)} onChange={({ detail }) => { setWeeks(Number(detail.value) as TimelineWeeks); setAll(false); }}
            items={timelineWeeks.map((w) => ({ value: String(w), label: w === 1 ? "1 week" : `${w} weeks` }))} />
        </FormField>
      </div>
      {error ? <Box color="text-status-error">The timeline could not be loaded: {error}</Box>
        : !segments ? <Spinner />
        : (
          <SpaceBetween size="l">
            {lanes.length === 0 ? <Box color="text-body-secondary">No entry applies in the {weeks === 1 ? "week" : `${weeks} weeks`} from {day}: the config's own values hold throughout.</Box> : (
              <div role="img" aria-label={`Bar chart: when each entry applies between ${rows[0]?.start} and ${rows[rows.length - 1]?.end}`}>
                <SpaceBetween size="xs">
                  {lanes.map((lane) => (
                    <div key={lane.entry}>
                      <div className="timeline-lane-label"><Box variant="small">{lane.entry}</Box></div>
                      <div className="timeline-lane">
                        {lane.spans.map((span) => <div key={span.left} className="timeline-span" style={{ left: `${span.left}%`, width: `${span.width}%` }} />)}
                      </div>
                    </div>
                  ))}
                  <Box variant="small" color="text-body-secondary">{rows[0]?.start} to {rows[rows.length - 1]?.end}</Box>
                </SpaceBetween>
              </div>
            )}
            {active.length > 0 && (
              <ol className="timeline-rows" aria-label="When entries apply">
                {shown.map((row) => (
                  <li key={row.key}>
                    <Box variant="strong">{row.start} – {row.end}</Box> <Box variant="small" display="inline" color="text-body-secondary">({row.length})</Box>
                    <Box>{row.entries.join(", ")}</Box>
                  </li>
                ))}
              </ol>
            )}
            {active.length > shown.length && <Button onClick={() => setAll(true)}>Show all {active.length}</Button>}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}
