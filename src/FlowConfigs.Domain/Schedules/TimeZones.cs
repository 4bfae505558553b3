using NodaTime;
using NodaTime.TimeZones;

namespace FlowConfigs.Domain.Schedules;

/// <summary>
/// IANA zones from the tzdb copy embedded in NodaTime. The operating system's zone data is never consulted: the runtime
/// image ships none, and a config's meaning must not depend on the host it runs on.
/// </summary>
public static class TimeZones
{
    /// <summary>The zone schedules are read in when neither the config nor the settings name one.</summary>
    public const string Default = "UTC";

    private static readonly IDateTimeZoneProvider Provider = DateTimeZoneProviders.Tzdb;

    /// <summary>
    /// Canonical tzdb ids (no aliases such as US/Central), sorted ordinally: the list a zone picker offers. "UTC" is
    /// listed too although tzdb makes it an alias of Etc/UTC: it is the product's default and what people look for.
    /// </summary>
    public static IReadOnlyList<string> Ids { get; } = TzdbDateTimeZoneSource.Default.CanonicalIdMap
        .Where(pair => string.Equals(pair.Key, pair.Value, StringComparison.Ordinal))
        .Select(pair => pair.Key)
        .Append(Default)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The tzdb release the ids and rules come from, e.g. 2025b.</summary>
    public static string Version => TzdbDateTimeZoneSource.Default.TzdbVersion;

    /// <summary>Whether tzdb knows <paramref name="id"/> (canonical or alias; case-sensitive, as IANA ids are).</summary>
    public static bool IsKnown(string? id) => id is not null && Provider.GetZoneOrNull(id) is not null;

    /// <summary>The zone named <paramref name="id"/>; UTC when it is null or unknown, so a stale id never stops evaluation.</summary>
    public static DateTimeZone Find(string? id) => (id is null ? null : Provider.GetZoneOrNull(id)) ?? DateTimeZone.Utc;

    /// <summary>The sentence for a field that names no known zone.</summary>
    internal static string UnknownMessage(string field, string id) =>
        $"'{field}' is '{id}', which is not a known IANA time zone; use an id such as America/Chicago or Europe/London.";
}
