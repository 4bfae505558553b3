using System.Globalization;
using FlowConfigs.Domain.Configs;
using Ical.Net.DataTypes;
using NodaTime;
using Period = NodaTime.Period;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// Turns an iCalendar file (RFC 5545, as Outlook, Google or a public-holiday feed exports it) into calendar events,
/// parsed by Ical.Net.
/// </summary>
/// <remarks>
/// Calendar times here are floating local times, read in the zone of each config that references the calendar (Christmas
/// Day is midnight to midnight at every branch). So every time keeps the wall-clock time written in the file: a TZID is
/// dropped, and a UTC time (<c>...Z</c>) likewise keeps its written clock time, not converted to any zone. An RRULE's UTC
/// UNTIL is the exception: it is turned into the wall-clock time of the event's own TZID (when tzdb knows it) so the last
/// occurrence stays the last one. All-day events (<c>DTSTART;VALUE=DATE</c>) run from midnight to midnight, DTEND
/// exclusive, one day when there is neither DTEND nor DURATION. SUMMARY is the name ("Event n" when missing). EXDATE,
/// RDATE, EXRULE and RECURRENCE-ID cannot be represented, so an event using them is an error naming it rather than a
/// silently different calendar.
/// </remarks>
public static class CalendarImport
{
    /// <summary>The events, or errors keyed "body" (the file as a whole) or "events[i]..." (one event, in file order).</summary>
    public static ReadResult<IReadOnlyList<CalendarEvent>> Read(string icsText)
    {
        var errors = new FieldErrors();
        IcalCalendar? calendar;
        try
        {
            calendar = IcalCalendar.Load(icsText);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Untrusted text: whatever the parser trips over is the file's problem, not ours.
            errors.Add("body", $"The file is not a readable iCalendar file (it should start with BEGIN:VCALENDAR): {e.Message}");
            return ReadResult<IReadOnlyList<CalendarEvent>>.Fail(errors);
        }
        if (calendar is null)
        {
            errors.Add("body", "The file is not an iCalendar file; it should start with BEGIN:VCALENDAR.");
            return ReadResult<IReadOnlyList<CalendarEvent>>.Fail(errors);
        }
        var sources = calendar.Events.ToList();
        if (sources.Count == 0)
        {
            errors.Add("body", "The file holds no events (VEVENT).");
            return ReadResult<IReadOnlyList<CalendarEvent>>.Fail(errors);
        }
        if (sources.Count > CalendarDocument.MaxEvents)
        {
            errors.Add("body", $"The file holds {sources.Count} events; a calendar holds at most {CalendarDocument.MaxEvents}.");
            return ReadResult<IReadOnlyList<CalendarEvent>>.Fail(errors);
        }

        var events = new List<CalendarEvent>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            var path = $"events[{i}]";
            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (Convert(sources[i], path, position, errors) is { } converted
                && CalendarDocument.CheckEvent(converted.Name, converted.Start, converted.End, converted.Repeat, path, position, errors))
                events.Add(converted);
        }
        return errors.IsEmpty ? ReadResult<IReadOnlyList<CalendarEvent>>.Ok(events) : ReadResult<IReadOnlyList<CalendarEvent>>.Fail(errors);
    }

    private static readonly string[] Unsupported = ["EXDATE", "RDATE", "EXRULE", "RECURRENCE-ID"];

    private static CalendarEvent? Convert(IcalEvent source, string path, string position, FieldErrors errors)
    {
        var name = string.IsNullOrWhiteSpace(source.Summary) ? $"Event {position}" : source.Summary.Trim();
        var subject = $"Event '{name}'";
        var unsupported = Unsupported.Where(p => source.Properties.Any(property => string.Equals(property.Name, p, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unsupported.Count > 0)
        {
            errors.Add(path, $"{subject} uses {string.Join(" and ", unsupported)}, which a calendar here cannot hold (only a start, an end and one RRULE); remove those occurrences in the source calendar or make them separate events.");
            return null;
        }
        var rules = source.Properties.Count(property => string.Equals(property.Name, "RRULE", StringComparison.OrdinalIgnoreCase));
        if (rules > 1)
        {
            errors.Add($"{path}.repeat", $"{subject} has {rules} RRULEs; a calendar event here repeats by one rule.");
            return null;
        }
        if (source.DtStart is not { } dtStart)
        {
            errors.Add($"{path}.start", $"{subject} has no DTSTART.");
            return null;
        }

        var start = WallClock(dtStart);
        LocalDateTime end;
        if (source.DtEnd is { } dtEnd)
            end = WallClock(dtEnd);
        else if (source.Duration is { } duration)
            end = start.Plus(ToPeriod(duration));
        else if (!dtStart.HasTime)
            end = start.PlusDays(1);
        else
        {
            errors.Add($"{path}.end", $"{subject} has neither DTEND nor DURATION; a calendar event needs an end.");
            return null;
        }

        var repeat = source.RecurrenceRule is { } rule ? RepeatText(rule, dtStart) : null;
        return new CalendarEvent(name, LocalTimes.Format(start), LocalTimes.Format(end), repeat);
    }

    /// <summary>The date and time as written in the file, whatever its TZID or 'Z'; a date alone is its midnight.</summary>
    private static LocalDateTime WallClock(CalDateTime value) =>
        new(value.Date.Year, value.Date.Month, value.Date.Day, value.Time?.Hour ?? 0, value.Time?.Minute ?? 0, value.Time?.Second ?? 0);

    private static Period ToPeriod(Ical.Net.DataTypes.Duration duration)
    {
        var sign = duration.Sign;
        return Period.FromWeeks(sign * Math.Abs(duration.Weeks ?? 0)) + Period.FromDays(sign * Math.Abs(duration.Days ?? 0))
            + Period.FromHours(sign * Math.Abs(duration.Hours ?? 0)) + Period.FromMinutes(sign * Math.Abs(duration.Minutes ?? 0))
            + Period.FromSeconds(sign * Math.Abs(duration.Seconds ?? 0));
    }

    /// <summary>
    /// The rule as RFC 5545 text without "RRULE:", its UNTIL made a floating date-time like every other time here: a UTC
    /// UNTIL in the wall-clock time of the event's TZID (else its written clock time), a date-only UNTIL the end of that day.
    /// </summary>
    private static string RepeatText(RecurrenceRule source, CalDateTime dtStart)
    {
        // Ical.Net 5.2 serializes only its RecurrencePattern subtype (a plain RecurrenceRule writes as nothing).
        var rule = new RecurrencePattern();
        rule.CopyFrom(source);
        if (rule.Until is { } until)
        {
            LocalDateTime local;
            if (!until.HasTime)
                local = WallClock(until).PlusDays(1).PlusSeconds(-1);
            else if (until.IsUtc && dtStart.TzId is { } tzId && TimeZones.IsKnown(tzId))
                local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(until.Value, DateTimeKind.Utc)).InZone(TimeZones.Find(tzId)).LocalDateTime;
            else
                local = WallClock(until);
            rule.Until = new CalDateTime(new DateOnly(local.Year, local.Month, local.Day), new TimeOnly(local.Hour, local.Minute, local.Second), null);
        }
        var text = rule.ToString() ?? "";
        return text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? text["RRULE:".Length..] : text;
    }
}
