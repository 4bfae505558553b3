using System.Globalization;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// TEMPORARY, minimal: stands in for the domain's iCalendar reader until it is merged. Reads the VEVENTs of an
/// iCalendar text as floating local times (all-day events run midnight to midnight).
/// </summary>
public static class CalendarImport
{
    public static ReadResult<IReadOnlyList<CalendarEvent>> Read(string icsText)
    {
        var errors = new FieldErrors();
        var lines = icsText.ReplaceLineEndings("\n").Replace("\n ", "", StringComparison.Ordinal).Replace("\n\t", "", StringComparison.Ordinal).Split('\n');
        if (!lines.Any(l => l.Trim().Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("body", "The body is not an iCalendar file (no BEGIN:VCALENDAR).");
            return ReadResult<IReadOnlyList<CalendarEvent>>.Fail(errors);
        }
        var events = new List<CalendarEvent>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var (head, value) = (line[..colon], line[(colon + 1)..].Trim());
            var name = head.Split(';')[0].ToUpperInvariant();
            if (name == "BEGIN" && value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase)) current = new(StringComparer.Ordinal);
            else if (name == "END" && value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase) && current is not null)
            {
                var path = $"events[{events.Count}]";
                var start = Moment(current.GetValueOrDefault("DTSTART"));
                var end = Moment(current.GetValueOrDefault("DTEND")) ?? (start is { AllDay: true } s ? (s.Time.AddDays(1), true) : null);
                if (start is null) errors.Add($"{path}.start", "The event has no readable DTSTART.");
                else if (end is null || end.Value.Time <= start.Value.Time) errors.Add($"{path}.end", "The event has no DTEND after its DTSTART.");
                else events.Add(new CalendarEvent(current.GetValueOrDefault("SUMMARY") ?? "Event", Format(start.Value.Time), Format(end.Value.Time), current.GetValueOrDefault("RRULE")));
                current = null;
            }
            else if (current is not null) current[name] = value;
        }
        return errors.IsEmpty ? ReadResult<IReadOnlyList<CalendarEvent>>.Ok(events) : ReadResult<IReadOnlyList<CalendarEvent>>.Fail(errors);
    }

    private static (DateTime Time, bool AllDay)? Moment(string? value)
    {
        if (value is null) return null;
        if (DateTime.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return (day, true);
        return DateTime.TryParseExact(value.TrimEnd('Z'), "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? (time, false) : null;
    }

    private static string Format(DateTime time) => time.ToString(time.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
