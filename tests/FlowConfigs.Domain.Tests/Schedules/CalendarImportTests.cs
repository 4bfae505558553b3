using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public sealed class CalendarImportTests
{
    private static string Ics(params string[] events) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//FlowConfigs tests//EN", .. events, "END:VCALENDAR", ""]);

    private static string Event(params string[] lines) => string.Join("\r\n", ["BEGIN:VEVENT", $"UID:{Guid.NewGuid()}", .. lines, "END:VEVENT"]);

    private static IReadOnlyList<CalendarEvent> Imported(string ics)
    {
        var read = CalendarImport.Read(ics);
        Assert.True(read.IsValid, read.Errors.ToString());
        return read.Value!;
    }

    private static IDictionary<string, string[]> Rejected(string ics)
    {
        var read = CalendarImport.Read(ics);
        Assert.False(read.IsValid);
        Assert.Null(read.Value);
        return read.Errors.ToDictionary();
    }

    [Fact]
    public void All_day_events_run_midnight_to_midnight_with_DTEND_exclusive_and_one_day_by_default()
    {
        var events = Imported(Ics(
            Event("SUMMARY:Christmas Day", "DTSTART;VALUE=DATE:20261225", "DTEND;VALUE=DATE:20261226", "RRULE:FREQ=YEARLY"),
            Event("SUMMARY:Boxing Day", "DTSTART;VALUE=DATE:20261226"),
            Event("SUMMARY:Long weekend", "DTSTART;VALUE=DATE:20270101", "DURATION:P3D")));
        Assert.Equal(
        [
            new CalendarEvent("Christmas Day", "2026-12-25T00:00", "2026-12-26T00:00", "FREQ=YEARLY"),
            new CalendarEvent("Boxing Day", "2026-12-26T00:00", "2026-12-27T00:00"),
            new CalendarEvent("Long weekend", "2027-01-01T00:00", "2027-01-04T00:00"),
        ], events);
    }

    [Fact]
    public void Timed_events_keep_the_wall_clock_time_written_whatever_the_TZID_or_Z()
    {
        var events = Imported(Ics(
            Event("SUMMARY:Early close", "DTSTART;TZID=America/New_York:20261224T170000", "DTEND;TZID=America/New_York:20261224T210000"),
            Event("SUMMARY:Audit", "DTSTART:20261231T090000Z", "DTEND:20261231T103015Z"),
            Event("SUMMARY:Training", "DTSTART:20270105T090000", "DURATION:PT2H30M")));
        Assert.Equal(
        [
            new CalendarEvent("Early close", "2026-12-24T17:00", "2026-12-24T21:00"),
            new CalendarEvent("Audit", "2026-12-31T09:00", "2026-12-31T10:30:15"),
            new CalendarEvent("Training", "2027-01-05T09:00", "2027-01-05T11:30"),
        ], events);
    }

    [Fact]
    public void An_RRULE_becomes_the_repeat_with_UNTIL_made_a_local_time_of_the_event()
    {
        var events = Imported(Ics(
            Event("SUMMARY:Monday standup", "DTSTART;TZID=America/Chicago:20260105T090000", "DTEND;TZID=America/Chicago:20260105T091500",
                "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T145959Z"),
            Event("SUMMARY:New Year", "DTSTART;VALUE=DATE:20270101", "RRULE:FREQ=YEARLY;UNTIL=20300101"),
            Event("SUMMARY:Three days", "DTSTART:20270105T090000", "DTEND:20270105T100000", "RRULE:FREQ=DAILY;COUNT=3")));

        // 14:59:59Z on 30 March is 09:59:59 CDT: the 09:00 standup that day is still the last one.
        Assert.Contains("UNTIL=20260330T095959", events[0].Repeat);
        Assert.Contains("FREQ=WEEKLY", events[0].Repeat);
        Assert.DoesNotContain("Z", events[0].Repeat);
        Assert.Contains("UNTIL=20300101T235959", events[1].Repeat);
        Assert.Contains("COUNT=3", events[2].Repeat);
        Assert.DoesNotContain("RRULE", events[2].Repeat);

        var calendars = new Dictionary<string, Calendar> { ["c"] = new() { Id = "c", Description = "d", Events = events } };
        var config = Schedules.Config("America/Chicago", new ScheduleEntry { Name = "Imported", Calendar = "c", Variables = new Dictionary<string, string> { ["closure"] = "true" } });
        Assert.Equal(["Imported"], Schedules.At(config, "2026-03-30T14:05:00", calendars).Active);
        Assert.Empty(Schedules.At(config, "2026-04-06T14:05:00", calendars).Active);
        Assert.Equal(["Imported"], Schedules.At(config, "2030-01-01T12:00:00", calendars).Active);
        Assert.Empty(Schedules.At(config, "2031-01-01T12:00:00", calendars).Active);
    }

    [Fact]
    public void An_event_without_SUMMARY_is_named_by_its_position()
    {
        var events = Imported(Ics(
            Event("SUMMARY:First", "DTSTART;VALUE=DATE:20261225"),
            Event("DTSTART;VALUE=DATE:20261226"),
            Event("SUMMARY:   ", "DTSTART;VALUE=DATE:20261227")));
        Assert.Equal(["First", "Event 2", "Event 3"], events.Select(e => e.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello world")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")]
    [InlineData("{ \"events\": [] }")]
    public void Anything_but_an_iCalendar_file_with_events_is_a_body_error(string text) =>
        Assert.Single(Rejected(text)["body"]);

    [Fact]
    public void EXDATE_and_RDATE_are_reported_naming_the_event_rather_than_dropped()
    {
        var errors = Rejected(Ics(
            Event("SUMMARY:Fine", "DTSTART;VALUE=DATE:20261225"),
            Event("SUMMARY:Standup", "DTSTART:20260105T090000", "DTEND:20260105T091500", "RRULE:FREQ=DAILY", "EXDATE:20260107T090000"),
            Event("SUMMARY:Extra", "DTSTART:20260105T090000", "DTEND:20260105T091500", "RDATE:20260110T090000")));
        Assert.Contains("Event 'Standup' uses EXDATE", Assert.Single(errors["events[1]"]));
        Assert.Contains("Event 'Extra' uses RDATE", Assert.Single(errors["events[2]"]));
        Assert.False(errors.ContainsKey("events[0]"));
    }

    [Fact]
    public void A_modified_occurrence_is_reported_too() =>
        Assert.Contains("RECURRENCE-ID", Assert.Single(Rejected(Ics(
            Event("SUMMARY:Standup", "DTSTART:20260105T090000", "DTEND:20260105T091500", "RRULE:FREQ=DAILY"),
            Event("SUMMARY:Standup", "RECURRENCE-ID:20260107T090000", "DTSTART:20260107T100000", "DTEND:20260107T101500")))["events[1]"]));

    [Fact]
    public void Events_break_the_same_rules_as_in_a_calendar_document()
    {
        var errors = Rejected(Ics(
            Event("SUMMARY:No end", "DTSTART:20260105T090000"),
            Event("SUMMARY:Backwards", "DTSTART:20260105T090000", "DTEND:20260105T080000"),
            Event("SUMMARY:Every minute", "DTSTART:20260105T090000", "DTEND:20260105T090030", "RRULE:FREQ=MINUTELY"),
            Event("SUMMARY:Ancient", "DTSTART;VALUE=DATE:15000101")));
        Assert.Contains("Event 'No end' has neither DTEND nor DURATION", Assert.Single(errors["events[0].end"]));
        Assert.Contains("Event 'Backwards' ends at", Assert.Single(errors["events[1].end"]));
        Assert.Contains("at most hourly", Assert.Single(errors["events[2].repeat"]));
        Assert.True(errors.ContainsKey("events[3].start"));
    }
}
