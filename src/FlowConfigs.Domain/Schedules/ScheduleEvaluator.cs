using FlowConfigs.Domain.Configs;
using NodaTime;
using NodaTime.Text;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// What a config's schedule makes of it at a moment. Called when a boundary passes, never per GetConfig: the
/// result says until when it holds.
/// </summary>
/// <remarks>
/// Times are local wall-clock times in the config's zone (else <c>defaultZone</c>; an unknown zone reads as UTC). A
/// local time in a DST gap maps to the first instant after the gap, an ambiguous one to the earlier instant. An entry
/// is active when start ≤ now &lt; end. Repeats are evaluated by Ical.Net from near the moment asked about, not from
/// their first occurrence (COUNT rules excepted, capped at 5,000 occurrences). A search for the next change looks at
/// most 400 days ahead: when nothing changes sooner, <see cref="ScheduleState.Until"/> is that horizon, a re-check
/// point at which the same state is simply computed again.
/// </remarks>
public static class ScheduleEvaluator
{
    private static readonly IReadOnlyList<string> NoEntries = [];

    /// <summary>Most segments <see cref="Timeline"/> returns; the last one then ends before <c>to</c>.</summary>
    public const int MaxTimelineSegments = 2000;

    /// <summary>
    /// The config as in effect at <paramref name="at"/>: the schedule's active overrides applied (for each variable and
    /// prompt language the first active entry wins), the active entries' names in schedule order, and the next instant
    /// at which the set of active entries changes (null: never). <paramref name="defaultZone"/> applies when the config
    /// has no zone; <paramref name="calendars"/> holds the calendars the schedule references (a missing one is inactive).
    /// The returned config keeps Id, Version, TimeZone and Schedule of the stored one.
    /// </summary>
    public static ScheduleState At(FlowConfig config, string defaultZone, IReadOnlyDictionary<string, Calendar> calendars, DateTimeOffset at)
    {
        if (config.Schedule is not { Count: > 0 })
            return new ScheduleState(config, NoEntries, null);
        var schedule = CompiledSchedule.Compile(config, defaultZone, calendars);
        var (active, until) = schedule.StateAt(Instant.FromDateTimeOffset(at));
        return new ScheduleState(
            ScheduleOverrides.Apply(config, active),
            active.Count == 0 ? NoEntries : active.ConvertAll(e => e.Name),
            until is { } u ? LocalTimes.ToOffset(u, schedule.Zone) : null);
    }

    /// <summary>
    /// Contiguous segments covering [<paramref name="from"/>, <paramref name="to"/>), each with the entries active
    /// throughout it (empty when none), split wherever that set changes. Times carry the zone's offset at each instant.
    /// At most <see cref="MaxTimelineSegments"/> segments.
    /// </summary>
    public static IReadOnlyList<TimelineSegment> Timeline(FlowConfig config, string defaultZone, IReadOnlyDictionary<string, Calendar> calendars,
        DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return [];
        var zone = TimeZones.Find(config.TimeZone ?? defaultZone);
        var end = Instant.FromDateTimeOffset(to);
        if (config.Schedule is not { Count: > 0 })
            return [new TimelineSegment(LocalTimes.ToOffset(Instant.FromDateTimeOffset(from), zone), LocalTimes.ToOffset(end, zone), NoEntries)];

        var schedule = CompiledSchedule.Compile(config, defaultZone, calendars);
        var segments = new List<(Instant Start, Instant End, List<string> Names)>();
        for (var t = Instant.FromDateTimeOffset(from); t < end && segments.Count < MaxTimelineSegments;)
        {
            var (active, until) = schedule.StateAt(t);
            var next = until is { } u && u < end ? u : end;
            var names = active.ConvertAll(e => e.Name);
            // A horizon re-check point is not a change; the segments either side of it hold the same entries.
            if (segments.Count > 0 && segments[^1].End == t && segments[^1].Names.SequenceEqual(names, StringComparer.Ordinal))
                segments[^1] = (segments[^1].Start, next, segments[^1].Names);
            else
                segments.Add((t, next, names));
            t = next;
        }
        return segments.ConvertAll(s => new TimelineSegment(LocalTimes.ToOffset(s.Start, zone), LocalTimes.ToOffset(s.End, zone), s.Names));
    }

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    /// <summary>
    /// Reads a moment written as a local time in <paramref name="zone"/> (<c>2026-12-25T09:00</c>, seconds optional; a
    /// time in a DST gap is the first instant after it, an ambiguous one the earlier) or with an offset
    /// (<c>2026-12-25T09:00-06:00</c>, <c>...Z</c>). Null when it is neither.
    /// </summary>
    public static DateTimeOffset? ParseMoment(string text, string zone)
    {
        if (string.IsNullOrEmpty(text) || (text.Length > 13 && text.AsSpan(11, 2).SequenceEqual("24"))) return null;
        if (LocalTimes.Parse(text) is { } local)
        {
            var dateTimeZone = TimeZones.Find(zone);
            return LocalTimes.ToOffset(LocalTimes.ToInstant(local, dateTimeZone), dateTimeZone);
        }
        foreach (var pattern in OffsetPatterns)
        {
            var parsed = pattern.Parse(text);
            if (parsed.Success && parsed.Value.Year is >= LocalTimes.MinYear and <= LocalTimes.MaxYear)
                return parsed.Value.ToDateTimeOffset();
        }
        return null;
    }
}

/// <param name="Effective">The config with the active overrides applied.</param>
/// <param name="Active">Names of the active entries, in schedule order.</param>
/// <param name="Until">When the set of active entries next changes; null when it never does.</param>
public sealed record ScheduleState(FlowConfig Effective, IReadOnlyList<string> Active, DateTimeOffset? Until);

/// <param name="Entries">Names of the entries active in [Start, End), in schedule order.</param>
public sealed record TimelineSegment(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Entries);
