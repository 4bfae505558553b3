using FlowConfigs.Domain.Schedules;
using static FlowConfigs.Domain.Tests.Schedules.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public class CalendarEntryTests
{
    private static readonly Dictionary<string, Calendar> Holidays = new()
    {
        ["us-holidays"] = new Calendar
        {
            Id = "us-holidays",
            Description = "US holidays",
            Events =
            [
                new CalendarEvent("Christmas Eve", "2020-12-24T00:00", "2020-12-25T00:00", "FREQ=YEARLY"),
                new CalendarEvent("Christmas Day", "2020-12-25T00:00", "2020-12-26T00:00", "FREQ=YEARLY"),
                new CalendarEvent("Independence Day", "2026-07-04T00:00", "2026-07-05T00:00"),
            ],
        },
    };

    private static ScheduleEntry Holiday(string calendar = "us-holidays") => new()
    {
        Name = "Company holidays",
        Calendar = calendar,
        Variables = new Dictionary<string, string> { ["closure"] = "true" },
    };

    [Fact]
    public void Calendar_events_are_read_in_the_zone_of_each_config_that_references_them()
    {
        var chicago = Config("America/Chicago", Holiday());
        var london = Config("Europe/London", Holiday());

        // 2030-12-24T00:30Z is still the 23rd in Chicago and already Christmas Eve in London.
        var atChicago = At(chicago, "2030-12-24T00:30:00", Holidays);
        var atLondon = At(london, "2030-12-24T00:30:00", Holidays);
        Assert.Empty(atChicago.Active);
        Assert.Equal(Utc("2030-12-24T06:00:00"), atChicago.Until);
        Assert.Equal(["Company holidays"], atLondon.Active);
        Assert.Equal("true", atLondon.Effective.Variables["closure"]);
    }

    [Fact]
    public void Touching_events_keep_the_entry_active_until_the_last_one_ends()
    {
        var london = Config("Europe/London", Holiday());
        var state = At(london, "2030-12-24T12:00:00", Holidays);
        Assert.Equal(["Company holidays"], state.Active);
        Assert.Equal(Utc("2030-12-26T00:00:00"), state.Until);

        var chicago = At(Config("America/Chicago", Holiday()), "2030-12-25T23:00:00", Holidays);
        Assert.Equal(Utc("2030-12-26T06:00:00"), chicago.Until);
    }

    [Fact]
    public void The_next_change_is_the_earliest_event_start_across_the_calendar()
    {
        var state = At(Config("America/Chicago", Holiday()), "2026-06-01T00:00:00", Holidays);
        Assert.Empty(state.Active);
        Assert.Equal(Utc("2026-07-04T05:00:00"), state.Until); // midnight CDT
    }

    [Fact]
    public void A_missing_calendar_is_never_active()
    {
        var state = At(Config("UTC", Holiday("emergency-closure")), "2030-12-25T12:00:00", Holidays);
        Assert.Empty(state.Active);
        Assert.Null(state.Until);
        Assert.Equal("false", state.Effective.Variables["closure"]);
    }
}
