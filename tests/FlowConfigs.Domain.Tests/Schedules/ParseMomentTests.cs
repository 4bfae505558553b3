using FlowConfigs.Domain.Schedules;
using static FlowConfigs.Domain.Tests.Schedules.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public class ParseMomentTests
{
    [Theory]
    [InlineData("2026-12-25T09:00", "2026-12-25T15:00:00", -6)]
    [InlineData("2026-12-25T09:00:30", "2026-12-25T15:00:30", -6)]
    [InlineData("2027-03-14T02:30", "2027-03-14T08:00:00", -5)] // in the gap: the first instant after it, 03:00 CDT
    [InlineData("2026-11-01T01:30", "2026-11-01T06:30:00", -5)] // ambiguous: the earlier, CDT
    [InlineData("2026-12-25T09:00-06:00", "2026-12-25T15:00:00", -6)]
    [InlineData("2026-12-25T09:00:00+05:30", "2026-12-25T03:30:00", 5.5)]
    [InlineData("2026-12-25T09:00Z", "2026-12-25T09:00:00", 0)]
    [InlineData("2026-12-25T09:00:00.250Z", "2026-12-25T09:00:00.250", 0)]
    public void Reads_local_times_in_the_zone_and_times_with_an_offset_as_given(string text, string utc, double offsetHours)
    {
        var moment = ScheduleEvaluator.ParseMoment(text, "America/Chicago");
        Assert.Equal(Utc(utc), moment);
        Assert.Equal(TimeSpan.FromHours(offsetHours), moment!.Value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-25 09:00")]
    [InlineData("2026-13-01T09:00")]
    [InlineData("2026-02-30T09:00")]
    [InlineData("2026-12-25T24:00")]
    [InlineData("2026-12-25T24:00Z")]
    [InlineData("2026-12-25T09:00+25:00")]
    [InlineData("2026-12-25T09:00 America/Chicago")]
    [InlineData("0001-01-01T00:00")]
    public void Anything_else_is_null(string text) => Assert.Null(ScheduleEvaluator.ParseMoment(text, "America/Chicago"));
}
