using FlowConfigs.Domain.Schedules;
using static FlowConfigs.Domain.Tests.Schedules.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public class TimelineTests
{
    private static IReadOnlyList<TimelineSegment> Timeline(Domain.Configs.FlowConfig config, string from, string to) =>
        ScheduleEvaluator.Timeline(config, "UTC", NoCalendars, Utc(from), Utc(to));

    [Fact]
    public void Segments_split_wherever_the_set_of_active_entries_changes()
    {
        var config = Config("UTC",
            Window("A", "2026-12-24T10:00", "2026-12-24T12:00"),
            Window("B", "2026-12-24T11:00", "2026-12-24T13:00"));

        var segments = Timeline(config, "2026-12-24T09:00:00", "2026-12-24T14:00:00");

        Assert.Equal(
        [
            ("09:00", "10:00", ""),
            ("10:00", "11:00", "A"),
            ("11:00", "12:00", "A,B"),
            ("12:00", "13:00", "B"),
            ("13:00", "14:00", ""),
        ], segments.Select(s => (s.Start.UtcDateTime.ToString("HH:mm"), s.End.UtcDateTime.ToString("HH:mm"), string.Join(",", s.Entries))));
    }

    [Fact]
    public void Segments_carry_the_zone_offset_at_each_instant()
    {
        var config = Config("America/Chicago", Window("Overnight", "2026-11-01T00:00", "2026-11-01T03:00"));
        var segments = Timeline(config, "2026-11-01T04:00:00", "2026-11-01T10:00:00");
        Assert.Equal(3, segments.Count);
        Assert.Equal(TimeSpan.FromHours(-5), segments[0].Start.Offset);
        Assert.Equal(Utc("2026-11-01T05:00:00"), segments[1].Start);
        Assert.Equal(Utc("2026-11-01T09:00:00"), segments[1].End); // 03:00 CST, after the clock went back
        Assert.Equal(TimeSpan.FromHours(-6), segments[1].End.Offset);
    }

    [Fact]
    public void A_re_check_point_inside_the_range_does_not_split_a_segment()
    {
        var config = Config("UTC", Window("Every day", "2026-01-01T00:00", "2026-01-02T00:00", "FREQ=DAILY"));
        var segment = Assert.Single(Timeline(config, "2026-02-01T00:00:00", "2028-02-01T00:00:00"));
        Assert.Equal(["Every day"], segment.Entries);
    }

    [Fact]
    public void No_schedule_is_one_empty_segment_and_an_empty_range_none()
    {
        var config = Config("UTC");
        var segment = Assert.Single(Timeline(config, "2026-02-01T00:00:00", "2026-02-02T00:00:00"));
        Assert.Empty(segment.Entries);
        Assert.Empty(Timeline(config, "2026-02-02T00:00:00", "2026-02-01T00:00:00"));
    }

    [Fact]
    public void A_timeline_stops_at_the_segment_cap()
    {
        var config = Config("UTC", Window("Hourly", "2026-01-01T00:00", "2026-01-01T00:30", "FREQ=HOURLY"));
        var segments = Timeline(config, "2026-01-01T00:00:00", "2027-01-01T00:00:00");
        Assert.Equal(ScheduleEvaluator.MaxTimelineSegments, segments.Count);
        Assert.Equal(Utc("2026-01-01T00:00:00").AddMinutes(30 * ScheduleEvaluator.MaxTimelineSegments), segments[^1].End);
    }
}

public class LongRunningRepeatTests
{
    /// <summary>
    /// Hourly, daily and weekly rules without COUNT are evaluated from a DTSTART moved on near the moment asked about;
    /// the same rule with a COUNT too large to matter is evaluated from its real start. Both must give the same timeline.
    /// </summary>
    [Theory]
    [InlineData("2001-01-03T09:00", "2001-01-03T17:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR")]
    [InlineData("2001-01-03T22:00", "2001-01-04T06:00", "FREQ=WEEKLY;BYDAY=WE;WKST=SU")]
    [InlineData("2001-01-01T02:00", "2001-01-01T02:45", "FREQ=DAILY;INTERVAL=3")]
    [InlineData("2001-01-02T08:00", "2001-01-02T08:30", "FREQ=DAILY;BYDAY=MO,TU;BYMONTH=3,4")]
    [InlineData("2001-01-31T12:00", "2001-01-31T13:00", "FREQ=DAILY;INTERVAL=5;BYMONTHDAY=31,9,10,11,12,13,14,15,16,17,18,19,20")]
    [InlineData("2020-01-04T09:15", "2020-01-04T09:45", "FREQ=HOURLY;INTERVAL=7;BYDAY=SA,SU")]
    [InlineData("2001-01-06T09:15", "2001-01-06T09:45", "FREQ=WEEKLY;BYDAY=SA;BYSETPOS=-1;BYHOUR=9,21")]
    public void Starting_near_the_moment_gives_the_occurrences_of_starting_at_the_beginning(string start, string end, string repeat)
    {
        var advanced = Schedules.Config("America/Chicago", Schedules.Window("r", start, end, repeat));
        var counted = Schedules.Config("America/Chicago", Schedules.Window("r", start, end, repeat + ";COUNT=5000"));
        var from = Schedules.Utc("2027-03-08T00:00:00");
        var to = Schedules.Utc("2027-03-22T00:00:00");

        var expected = ScheduleEvaluator.Timeline(counted, "UTC", Schedules.NoCalendars, from, to);
        var actual = ScheduleEvaluator.Timeline(advanced, "UTC", Schedules.NoCalendars, from, to);

        Assert.True(expected.Count > 3, $"the rule should occur in the range ({expected.Count} segments)");
        Assert.Equal(expected, actual, (a, b) => a.Start == b.Start && a.End == b.End && a.Entries.SequenceEqual(b.Entries));
    }
}
