using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public sealed class TimeZonesTests
{
    [Fact]
    public void Lists_canonical_tzdb_ids_sorted_without_aliases()
    {
        Assert.Contains("America/Chicago", TimeZones.Ids);
        Assert.Contains("UTC", TimeZones.Ids);
        Assert.Contains("Etc/UTC", TimeZones.Ids);
        Assert.DoesNotContain("US/Central", TimeZones.Ids);
        Assert.Equal(TimeZones.Ids.Order(StringComparer.Ordinal), TimeZones.Ids);
        Assert.InRange(TimeZones.Ids.Count, 300, 700);
    }

    [Fact]
    public void Knows_aliases_but_not_made_up_or_differently_cased_ids()
    {
        Assert.True(TimeZones.IsKnown("US/Central"));
        Assert.False(TimeZones.IsKnown("america/chicago"));
        Assert.False(TimeZones.IsKnown("Central Standard Time"));
        Assert.False(TimeZones.IsKnown(null));
    }

    [Fact]
    public void An_unknown_zone_is_found_as_UTC() =>
        Assert.Equal(NodaTime.DateTimeZone.Utc, TimeZones.Find("Mars/Olympus_Mons"));
}
