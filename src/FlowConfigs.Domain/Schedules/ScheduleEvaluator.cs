using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// What a config's schedule makes of it at a moment. Called when a boundary passes, never per GetConfig: the
/// result says until when it holds.
/// </summary>
public static class ScheduleEvaluator
{
    /// <summary>
    /// The config as in effect at <paramref name="at"/>: the schedule's active overrides applied (for each variable and
    /// prompt language the first active entry wins), the active entries' names in schedule order, and the next instant
    /// at which the set of active entries changes (null: never). <paramref name="defaultZone"/> applies when the config
    /// has no zone; <paramref name="calendars"/> holds the calendars the schedule references (a missing one is inactive).
    /// The returned config keeps Id, Version, TimeZone and Schedule of the stored one.
    /// </summary>
    public static ScheduleState At(FlowConfig config, string defaultZone, IReadOnlyDictionary<string, Calendar> calendars, DateTimeOffset at) =>
        throw new NotImplementedException();

    /// <summary>
    /// Contiguous segments covering [<paramref name="from"/>, <paramref name="to"/>), each with the entries active
    /// throughout it (empty when none), split wherever that set changes.
    /// </summary>
    public static IReadOnlyList<TimelineSegment> Timeline(FlowConfig config, string defaultZone, IReadOnlyDictionary<string, Calendar> calendars,
        DateTimeOffset from, DateTimeOffset to) =>
        throw new NotImplementedException();

    /// <summary>
    /// Reads a moment written as a local time in <paramref name="zone"/> (<c>2026-12-25T09:00</c>, seconds optional; a
    /// time in a DST gap is the first instant after it, an ambiguous one the earlier) or with an offset
    /// (<c>2026-12-25T09:00-06:00</c>, <c>...Z</c>). Null when it is neither.
    /// </summary>
    public static DateTimeOffset? ParseMoment(string text, string zone) => throw new NotImplementedException();
}

/// <param name="Effective">The config with the active overrides applied.</param>
/// <param name="Active">Names of the active entries, in schedule order.</param>
/// <param name="Until">When the set of active entries next changes; null when it never does.</param>
public sealed record ScheduleState(FlowConfig Effective, IReadOnlyList<string> Active, DateTimeOffset? Until);

/// <param name="Entries">Names of the entries active in [Start, End), in schedule order.</param>
public sealed record TimelineSegment(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Entries);
