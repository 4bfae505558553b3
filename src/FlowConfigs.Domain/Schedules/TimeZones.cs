namespace FlowConfigs.Domain.Schedules;

/// <summary>TEMPORARY, minimal: stands in for the domain's tzdb zone list until it is merged.</summary>
public static class TimeZones
{
    /// <summary>The IANA zone ids, ordinal order.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal).ToArray();
}
