using FlowConfigs.Domain.Access;

namespace FlowConfigs.Domain.Tests.Access;

public sealed class EditGuardTests
{
    private const string Current = """
        { "id": "x", "description": "d", "variables": { "a": "1", "s": "low" },
          "schema": { "s": { "type": "select", "options": ["low", "high"] } },
          "prompts": { "p": { "en-US": { "voice": "Hi", "chat": "Hi!" } } } }
        """;

    private static StructuralChange? Change(string proposed) =>
        EditGuard.FindStructuralChange(Json.Config(Current), Json.Config(proposed));

    [Fact]
    public void Values_texts_new_languages_and_chat_variants_are_edit_level() =>
        Assert.Null(Change("""
            { "id": "x", "description": "d", "variables": { "a": "2", "s": "high" },
              "schema": { "s": { "type": "select", "options": ["low", "high"] } },
              "prompts": { "p": { "en-US": { "voice": "Hello" }, "es-US": { "voice": "Hola", "chat": "¡Hola!" } } } }
            """));

    [Theory]
    [InlineData("""{ "id": "x", "description": "changed", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "description")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "variables.a")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low", "n": "" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "variables.n")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high", "mid"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "schema.s")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "schema.s")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] }, "a": { "type": "number" } }, "prompts": { "p": { "en-US": { "voice": "Hi" } } } }""", "schema.a")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": {} }""", "prompts.p")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "es-US": { "voice": "Hola" } } } }""", "prompts.p.en-US")]
    [InlineData("""{ "id": "x", "description": "d", "variables": { "a": "1", "s": "low" }, "schema": { "s": { "type": "select", "options": ["low", "high"] } }, "prompts": { "p": { "en-US": { "voice": "Hi" } }, "q": { "en-US": { "voice": "Q" } } } }""", "prompts.q")]
    public void Structural_changes_need_full_and_name_the_field(string proposed, string field)
    {
        var change = Change(proposed);
        Assert.NotNull(change);
        Assert.Equal(field, change!.Field);
        Assert.Contains("Full", change.Message);
    }

    private const string Scheduled = """
        { "id": "x", "description": "d", "timeZone": "America/Chicago", "variables": { "a": "1", "s": "low" },
          "schema": { "s": { "type": "select", "options": ["low", "high"] } },
          "prompts": { "p": { "en-US": { "voice": "Hi", "chat": "Hi!" } } },
          "schedule": [ { "name": "Storm", "start": "2026-12-24T17:00", "end": "2026-12-26T08:00", "variables": { "s": "high" } } ] }
        """;

    private static StructuralChange? ScheduledChange(string proposed) =>
        EditGuard.FindStructuralChange(Json.Config(Scheduled), Json.Config(proposed));

    [Theory]
    [InlineData("\"America/Denver\"")]
    [InlineData("null")]
    public void Changing_or_dropping_the_time_zone_needs_full(string zone)
    {
        var change = ScheduledChange(Scheduled.Replace("\"America/Chicago\"", zone, StringComparison.Ordinal));
        Assert.Equal("timeZone", change!.Field);
        Assert.Contains("Full", change.Message);
    }

    [Fact]
    public void Setting_a_time_zone_needs_full() =>
        Assert.Equal("timeZone", Change(Current.Replace("\"description\": \"d\",", "\"description\": \"d\", \"timeZone\": \"UTC\",", StringComparison.Ordinal))!.Field);

    [Theory]
    [InlineData("""[ { "name": "Storm", "start": "2026-12-24T18:00", "end": "2026-12-26T09:00", "repeat": "FREQ=YEARLY", "variables": { "s": "low", "a": "0" }, "prompts": { "p": { "en-US": { "voice": "Closed" } } } } ]""")]
    [InlineData("""[ { "name": "Storm", "start": "2026-12-24T17:00", "end": "2026-12-26T08:00", "variables": { "s": "high" } }, { "name": "Holidays", "calendar": "us-holidays", "variables": { "a": "0" } } ]""")]
    [InlineData("""[]""")]
    public void Adding_changing_and_removing_schedule_entries_is_edit_level(string schedule)
    {
        var proposed = Scheduled[..Scheduled.IndexOf("\"schedule\"", StringComparison.Ordinal)] + $"\"schedule\": {schedule} }}";
        Assert.Null(ScheduledChange(proposed));
    }
}

