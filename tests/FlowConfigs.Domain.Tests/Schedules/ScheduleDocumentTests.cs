using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Schedules;

namespace FlowConfigs.Domain.Tests.Schedules;

public sealed class ScheduleDocumentTests
{
    /// <summary>A config whose schedule (and zone) are given as JSON fragments.</summary>
    private static string Document(string schedule, string zone = "\"America/Chicago\"") => $$"""
        {
          "id": "branch", "description": "Branch", "timeZone": {{zone}},
          "variables": { "closure": "false", "maxWaitTime": "600", "priority": "medium" },
          "schema": { "closure": { "type": "boolean" }, "maxWaitTime": { "type": "number" },
                      "priority": { "type": "select", "options": ["low", "medium", "high"] } },
          "prompts": { "welcome": { "en-US": { "voice": "<speak>Thank you for calling.</speak>" } } },
          "schedule": {{schedule}}
        }
        """;

    private const string Example = """
        [
          { "name": "Christmas closure", "start": "2026-12-24T17:00", "end": "2026-12-26T08:00",
            "variables": { "closure": "true" },
            "prompts": { "welcome": { "en-US": { "voice": "<speak>We are closed today.</speak>" }, "es-US": { "voice": "Cerrado." } } } },
          { "name": "Sunday maintenance", "start": "2026-11-29T02:00", "end": "2026-11-29T04:00:30",
            "repeat": "FREQ=WEEKLY;BYDAY=SU", "variables": { "maxWaitTime": "60" } },
          { "name": "Company holidays", "calendar": "us-holidays", "variables": { "closure": "true" } }
        ]
        """;

    [Fact]
    public void Reads_the_zone_and_every_kind_of_entry()
    {
        var config = Json.Config(Document(Example), "branch");
        Assert.Equal("America/Chicago", config.TimeZone);
        Assert.Equal(["Christmas closure", "Sunday maintenance", "Company holidays"], config.Schedule!.Select(e => e.Name));
        var christmas = config.Schedule![0];
        Assert.Equal(("2026-12-24T17:00", "2026-12-26T08:00", null, null), (christmas.Start, christmas.End, christmas.Repeat, christmas.Calendar));
        Assert.Equal("true", christmas.Variables!["closure"]);
        Assert.Equal(new PromptText("Cerrado."), christmas.Prompts!["welcome"]["es-US"]);
        Assert.Equal("FREQ=WEEKLY;BYDAY=SU", config.Schedule[1].Repeat);
        Assert.Equal("us-holidays", config.Schedule[2].Calendar);
        Assert.Null(config.Schedule[2].Prompts);
    }

    [Fact]
    public void Zone_and_schedule_are_optional()
    {
        var config = Json.Config("""{ "description": "d", "variables": {}, "prompts": {}, "timeZone": null, "schedule": null }""", "x");
        Assert.Null(config.TimeZone);
        Assert.Null(config.Schedule);
    }

    [Theory]
    [InlineData("\"Mars/Olympus_Mons\"", "timeZone")]
    [InlineData("\"america/chicago\"", "timeZone")]
    [InlineData("42", "timeZone")]
    public void The_zone_must_be_a_known_IANA_id(string zone, string field) =>
        Json.AssertNames(Json.Errors(Document("[]", zone), "branch"), field);

    [Fact]
    public void An_alias_zone_is_accepted() => Assert.Equal("US/Central", Json.Config(Document("[]", "\"US/Central\""), "branch").TimeZone);

    [Theory]
    // shape
    [InlineData("{}", "schedule", "must be an array")]
    [InlineData("[ 1 ]", "schedule[0]", "Schedule entry 1 must be an object")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" }, "colour": "red" } ]""", "schedule[0].colour", "Schedule entry 'w' has no field called 'colour'")]
    [InlineData("""[ { "name": "w", "name": "v", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].name", "appears more than once")]
    // name
    [InlineData("""[ { "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].name", "Schedule entry 1 needs a name")]
    [InlineData("""[ { "name": "", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].name", "1 to 128")]
    [InlineData("""[ { "name": 5, "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].name", "must be a string")]
    [InlineData("""[ { "name": "a\nb", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].name", "control characters")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } }, { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[1].name", "like an earlier entry")]
    // start, end
    [InlineData("""[ { "name": "w", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].start", "Schedule entry 'w' needs a start")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "variables": { "closure": "true" } } ]""", "schedule[0].end", "Schedule entry 'w' needs an end")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24 17:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].start", "is not a local time")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00-06:00", "end": "2026-12-24T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].start", "no offset")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-32T18:00", "variables": { "closure": "true" } } ]""", "schedule[0].end", "is not a local time")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": 5, "variables": { "closure": "true" } } ]""", "schedule[0].end", "must be a string")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T17:00", "variables": { "closure": "true" } } ]""", "schedule[0].end", "not after its start")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T16:00", "variables": { "closure": "true" } } ]""", "schedule[0].end", "not after its start")]
    // repeat
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "EVERY SUNDAY", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "Schedule entry 'w': repeat")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=FORTNIGHTLY", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "not a valid RRULE")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "BYDAY=SU", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "has no FREQ")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "is empty")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "RRULE:FREQ=DAILY", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "'RRULE:'")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "DTSTART=20261224T170000;FREQ=DAILY", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "its first occurrence")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=MINUTELY", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "at most hourly")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=DAILY;COUNT=0", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "COUNT")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=DAILY;COUNT=100000", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "COUNT")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=DAILY;UNTIL=20271231T235959Z", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "without 'Z'")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=DAILY;UNTIL=20271231", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "date-only UNTIL")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "never occurs")]
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00", "repeat": "FREQ=DAILY;UNTIL=20261201T000000", "variables": { "closure": "true" } } ]""", "schedule[0].repeat", "never occurs")]
    // calendar
    [InlineData("""[ { "name": "w", "calendar": "us holidays", "variables": { "closure": "true" } } ]""", "schedule[0].calendar", "not a valid calendar id")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "start": "2026-12-24T17:00", "variables": { "closure": "true" } } ]""", "schedule[0].calendar", "either the calendar or its own window")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "repeat": "FREQ=DAILY", "variables": { "closure": "true" } } ]""", "schedule[0].calendar", "either the calendar")]
    // overrides
    [InlineData("""[ { "name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T18:00" } ]""", "schedule[0]", "Schedule entry 'w' overrides nothing")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "variables": {}, "prompts": {} } ]""", "schedule[0]", "overrides nothing")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "variables": { "colour": "red" } } ]""", "schedule[0].variables.colour", "Schedule entry 'w' overrides variable 'colour', which the config does not have")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "variables": { "closure": "yes" } } ]""", "schedule[0].variables.closure", "Schedule entry 'w': 'yes' is not a boolean")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "variables": { "maxWaitTime": "1,5" } } ]""", "schedule[0].variables.maxWaitTime", "is not a number")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "variables": { "priority": "urgent" } } ]""", "schedule[0].variables.priority", "not one of the options")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "variables": { "closure": true } } ]""", "schedule[0].variables.closure", "must be a string")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "variables": [] } ]""", "schedule[0].variables", "must be an object")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "prompts": { "goodbye": { "en-US": { "voice": "Bye" } } } } ]""", "schedule[0].prompts.goodbye", "overrides prompt 'goodbye', which the config does not have")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "prompts": { "welcome": {} } } ]""", "schedule[0].prompts.welcome", "with no language")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "prompts": { "welcome": { "english": { "voice": "Hi" } } } } ]""", "schedule[0].prompts.welcome.english", "is not")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "prompts": { "welcome": { "en-US": { "voice": "" } } } } ]""", "schedule[0].prompts.welcome.en-US.voice", "Schedule entry 'w', prompt 'welcome' (en-US)")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "prompts": { "welcome": { "en-US": { "chat": "Hi" } } } } ]""", "schedule[0].prompts.welcome.en-US.voice", "'voice' is required")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "prompts": { "welcome": { "en-US": { "voice": "<speak><audio src=\"https://x\"/></speak>" } } } } ]""", "schedule[0].prompts.welcome.en-US.voice", "Schedule entry 'w'")]
    [InlineData("""[ { "name": "w", "calendar": "us-holidays", "prompts": { "welcome": { "en-US": { "voice": "Hi", "tone": "warm" } } } } ]""", "schedule[0].prompts.welcome.en-US.tone", "Unknown field")]
    public void Each_rule_names_its_field_and_the_entry(string schedule, string field, string message)
    {
        var errors = Json.Errors(Document(schedule), "branch").ToDictionary();
        Assert.True(errors.TryGetValue(field, out var messages), $"no error for '{field}' in: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        Assert.Contains(messages!, m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_schedule_holds_at_most_100_entries()
    {
        string Entries(int count) => "[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$"""{ "name": "e{{i}}", "calendar": "c", "variables": { "closure": "true" } }""")) + "]";
        Assert.Equal(100, Json.Config(Document(Entries(100)), "branch").Schedule!.Count);
        Json.AssertNames(Json.Errors(Document(Entries(101)), "branch"), "schedule");
    }

    [Fact]
    public void Overrides_are_not_checked_against_variables_that_did_not_read()
    {
        var errors = Json.Errors("""
            { "description": "d", "variables": [], "prompts": {},
              "schedule": [ { "name": "w", "calendar": "c", "variables": { "closure": "true" } } ] }
            """, "x").ToDictionary();
        Assert.True(errors.ContainsKey("variables"));
        Assert.False(errors.ContainsKey("schedule[0].variables.closure"));
    }

    [Fact]
    public void Whether_a_referenced_calendar_exists_is_not_the_documents_business() =>
        Assert.Equal("no-such-calendar", Json.Config(Document("""[ { "name": "w", "calendar": "no-such-calendar", "variables": { "closure": "true" } } ]"""), "branch").Schedule![0].Calendar);
}
