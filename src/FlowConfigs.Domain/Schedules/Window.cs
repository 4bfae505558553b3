using Ical.Net.DataTypes;
using Period = NodaTime.Period;
using NodaTime;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// A stretch of local wall-clock time, once or repeated by an RRULE. Every occurrence keeps the local start the rule
/// gives and the first window's local length (days, hours, minutes, seconds between start and end on the wall clock),
/// and both ends are mapped into the zone by <see cref="LocalTimes.ToInstant"/>. A start the rule does not match (a
/// Monday start for BYDAY=SU) is not itself an occurrence: RFC 5545 leaves that case open and Ical.Net skips it.
/// </summary>
internal sealed class Window(LocalDateTime start, Period length, RecurrenceRule? rule)
{
    private const PeriodUnits LengthUnits = PeriodUnits.Days | PeriodUnits.Hours | PeriodUnits.Minutes | PeriodUnits.Seconds;

    public LocalDateTime Start { get; } = start;
    public RecurrenceRule? Rule { get; } = rule;

    /// <summary>
    /// A window from the stored strings, or null with the problems found (keyed "start", "end", "repeat"). The messages
    /// start with <paramref name="subject"/>, e.g. "Schedule entry 'Christmas closure'". Without <paramref name="report"/>
    /// (evaluating stored documents, validated when written) the costlier check that a repeat occurs at all is skipped.
    /// </summary>
    public static Window? Compile(string? startText, string? endText, string? repeatText, string subject, Action<string, string>? report = null)
    {
        var validating = report is not null;
        report ??= static (_, _) => { };
        var start = LocalTimes.Parse(startText);
        var end = LocalTimes.Parse(endText);
        if (startText is null) report("start", $"{subject} needs a start, such as 2026-12-24T17:00.");
        else if (start is null) report("start", LocalTimes.FormatMessage($"{subject}: start", startText));
        if (endText is null) report("end", $"{subject} needs an end, such as 2026-12-26T08:00.");
        else if (end is null) report("end", LocalTimes.FormatMessage($"{subject}: end", endText));
        if (start is { } s && end is { } e && e <= s)
        {
            report("end", $"{subject} ends at {endText}, which is not after its start {startText}.");
            return null;
        }

        RecurrenceRule? rule = null;
        if (repeatText is not null)
        {
            (rule, var problem) = Repeat.Parse(repeatText, $"{subject}: repeat");
            if (problem is not null)
            {
                report("repeat", problem);
                return null;
            }
            if (validating && start is { } first && !Repeat.Starts(rule!, first, first).Any())
            {
                report("repeat", $"{subject}: repeat '{repeatText}' never occurs from the start {startText}.");
                return null;
            }
        }
        if (start is null || end is null) return null;
        return new Window(start.Value, Period.Between(start.Value, end.Value, LengthUnits), rule);
    }

    /// <summary>The occurrences, as instants in <paramref name="zone"/>, that end after <paramref name="from"/>, in start order.</summary>
    public IEnumerable<(Instant Start, Instant End)> Intervals(DateTimeZone zone, Instant from)
    {
        if (Rule is null)
        {
            var once = Map(Start, zone);
            if (once.End > from) yield return once;
            yield break;
        }
        // Start the search one window length (plus a day for any offset change) before the local "from": an occurrence
        // starting earlier than that has ended by then.
        var searchFrom = from.InZone(zone).LocalDateTime.Minus(length).PlusDays(-1);
        foreach (var local in Repeat.Starts(Rule, Start, searchFrom))
        {
            var occurrence = Map(local, zone);
            if (occurrence.End > from) yield return occurrence;
        }
    }

    private (Instant Start, Instant End) Map(LocalDateTime localStart, DateTimeZone zone) =>
        (LocalTimes.ToInstant(localStart, zone), LocalTimes.ToInstant(localStart.Plus(length), zone));
}
