using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// Local wall-clock times as schedules write them (<c>yyyy-MM-ddTHH:mm</c>, seconds optional, no offset) and the one
/// rule that turns them into instants in a zone.
/// </summary>
internal static class LocalTimes
{
    private static readonly LocalDateTimePattern WithSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");
    private static readonly LocalDateTimePattern WithoutSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>
    /// A time in a DST gap does not exist, so it starts at the first instant after the gap (02:30 on a spring-forward
    /// night is 03:00 of the new offset); an ambiguous time (fall-back) takes the earlier instant, the first pass of the
    /// clock. Mapping is then monotonic: a later local time never maps to an earlier instant.
    /// </summary>
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>Years outside this range are surely typos, and recurrence arithmetic near DateTime's limits would overflow.</summary>
    public const int MinYear = 1900, MaxYear = 9000;

    public static LocalDateTime? Parse(string? text)
    {
        // NodaTime reads T24:00 as the next midnight; the format promises hours 00-23, so one instant has one spelling.
        if (text is null || text.Length is not (16 or 19) || text.AsSpan(11, 2).SequenceEqual("24")) return null;
        var result = (text.Length == 19 ? WithSeconds : WithoutSeconds).Parse(text);
        return result.Success && result.Value.Year is >= MinYear and <= MaxYear ? result.Value : null;
    }

    public static string Format(LocalDateTime local) =>
        (local.Second == 0 ? WithoutSeconds : WithSeconds).Format(local);

    public static Instant ToInstant(LocalDateTime local, DateTimeZone zone) => zone.ResolveLocal(local, Resolver).ToInstant();

    public static DateTimeOffset ToOffset(Instant instant, DateTimeZone zone) => instant.InZone(zone).ToDateTimeOffset();

    /// <summary>The sentence for a malformed time in <paramref name="what"/>.</summary>
    public static string FormatMessage(string what, string text) =>
        $"{what} '{text}' is not a local time like 2026-12-24T17:00 (yyyy-MM-ddTHH:mm, seconds optional, no offset, year {MinYear.ToString(CultureInfo.InvariantCulture)}-{MaxYear.ToString(CultureInfo.InvariantCulture)}).";
}
