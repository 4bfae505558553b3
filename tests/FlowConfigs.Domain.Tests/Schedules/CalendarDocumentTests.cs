using System.Text.Json;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public sealed class CalendarDocumentTests
{
    private const string Valid = """
        { "id": "us-holidays", "description": "US public holidays",
          "events": [
            { "name": "Christmas Day", "start": "2026-12-25T00:00", "end": "2026-12-26T00:00", "repeat": "FREQ=YEARLY" },
            { "name": "Emergency", "start": "2026-12-01T08:00:00", "end": "2026-12-01T12:30", "repeat": null }
          ],
          "version": 4, "updatedAt": "2026-01-01T00:00:00Z", "updatedBy": "someone" }
        """;

    [Fact]
    public void Reads_a_full_calendar()
    {
        var read = CalendarDocument.Read(Json.Parse(Valid), "us-holidays");
        Assert.True(read.IsValid, read.Errors.ToString());
        var calendar = read.Value!;
        Assert.Equal(("us-holidays", "US public holidays", 4L), (calendar.Id, calendar.Description, calendar.Version));
        Assert.Equal(
            [new CalendarEvent("Christmas Day", "2026-12-25T00:00", "2026-12-26T00:00", "FREQ=YEARLY"),
             new CalendarEvent("Emergency", "2026-12-01T08:00:00", "2026-12-01T12:30")],
            calendar.Events);
        Assert.Null(calendar.UpdatedBy);
    }

    [Fact]
    public void A_calendar_survives_storage_through_DomainJson()
    {
        var calendar = CalendarDocument.Read(Json.Parse(Valid), "us-holidays").Value!;
        var stored = JsonSerializer.Deserialize<Calendar>(JsonSerializer.Serialize(calendar, DomainJson.Options), DomainJson.Options)!;
        Assert.Equal(calendar.Events, stored.Events);
        Assert.Equal(calendar.Description, stored.Description);
    }

    [Fact]
    public void The_body_id_is_required_without_a_url_id_and_must_match_it_otherwise()
    {
        Assert.Equal("us-holidays", CalendarDocument.Read(Json.Parse(Valid), null).Value!.Id);
        Assert.Equal("us-holidays", CalendarDocument.Read(Json.Parse("""{ "description": "d", "events": [] }"""), "us-holidays").Value!.Id);
        Assert.True(CalendarDocument.Read(Json.Parse("""{ "description": "d", "events": [] }"""), null).Errors.ToDictionary().ContainsKey("id"));
        Assert.True(CalendarDocument.Read(Json.Parse(Valid), "other").Errors.ToDictionary().ContainsKey("id"));
    }

    [Theory]
    [InlineData("[]", "body", "must be a JSON object")]
    [InlineData("""{ "description": "d", "events": [], "colour": 1 }""", "colour", "Unknown field")]
    [InlineData("""{ "events": [] }""", "description", "required")]
    [InlineData("""{ "description": " ", "events": [] }""", "description", "1 to 1024")]
    [InlineData("""{ "description": "d" }""", "events", "required")]
    [InlineData("""{ "description": "d", "events": {} }""", "events", "must be an array")]
    [InlineData("""{ "description": "d", "events": [ 3 ] }""", "events[0]", "Event 1 must be an object")]
    [InlineData("""{ "description": "d", "events": [ { "start": "2026-12-25T00:00", "end": "2026-12-26T00:00" } ] }""", "events[0].name", "Event 1 needs a name")]
    [InlineData("""{ "description": "d", "events": [ { "name": "", "start": "2026-12-25T00:00", "end": "2026-12-26T00:00" } ] }""", "events[0].name", "1 to 128")]
    [InlineData("""{ "description": "d", "events": [ { "name": "a\tb", "start": "2026-12-25T00:00", "end": "2026-12-26T00:00" } ] }""", "events[0].name", "control characters")]
    [InlineData("""{ "description": "d", "events": [ { "name": "X", "end": "2026-12-26T00:00" } ] }""", "events[0].start", "Event 'X' needs a start")]
    [InlineData("""{ "description": "d", "events": [ { "name": "X", "start": "2026-12-25", "end": "2026-12-26T00:00" } ] }""", "events[0].start", "Event 'X': start '2026-12-25' is not a local time")]
    [InlineData("""{ "description": "d", "events": [ { "name": "X", "start": "2026-12-25T00:00", "end": "2026-12-24T00:00" } ] }""", "events[0].end", "Event 'X' ends at")]
    [InlineData("""{ "description": "d", "events": [ { "name": "X", "start": "2026-12-25T00:00", "end": "2026-12-26T00:00", "repeat": "FREQ=SOMETIMES" } ] }""", "events[0].repeat", "Event 'X': repeat")]
    [InlineData("""{ "description": "d", "events": [ { "name": "X", "start": "2026-12-25T00:00", "end": "2026-12-26T00:00", "repeat": 1 } ] }""", "events[0].repeat", "must be a string")]
    [InlineData("""{ "description": "d", "events": [ { "name": "X", "start": "2026-12-25T00:00", "end": "2026-12-26T00:00", "calendar": "c" } ] }""", "events[0].calendar", "Event 1 has no field called 'calendar'")]
    public void Each_rule_names_its_field(string json, string field, string message)
    {
        var read = CalendarDocument.Read(Json.Parse(json), "c");
        Assert.False(read.IsValid);
        var errors = read.Errors.ToDictionary();
        Assert.True(errors.TryGetValue(field, out var messages), $"no error for '{field}' in: {read.Errors}");
        Assert.Contains(messages!, m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_id_follows_the_config_id_rules()
    {
        var errors = CalendarDocument.Read(Json.Parse("""{ "id": "a//b", "description": "d", "events": [] }"""), null).Errors.ToDictionary();
        Assert.Contains("'//'", Assert.Single(errors["id"]));
        Assert.True(CalendarDocument.Read(Json.Parse("""{ "description": "d", "events": [] }"""), "export").Errors.ToDictionary().ContainsKey("id"));
    }

    [Fact]
    public void A_calendar_holds_at_most_1000_events()
    {
        string Events(int count) => $$"""{ "description": "d", "events": [{{string.Join(",", Enumerable.Repeat(
            """{ "name": "e", "start": "2026-12-25T00:00", "end": "2026-12-26T00:00" }""", count))}}] }""";
        Assert.Equal(1000, CalendarDocument.Read(Json.Parse(Events(1000)), "c").Value!.Events.Count);
        Assert.True(CalendarDocument.Read(Json.Parse(Events(1001)), "c").Errors.ToDictionary().ContainsKey("events"));
    }
}
