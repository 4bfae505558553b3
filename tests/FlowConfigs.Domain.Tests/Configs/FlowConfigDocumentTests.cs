using System.Text.Json;
using FlowConfigs.Domain.Configs;

namespace FlowConfigs.Domain.Tests.Configs;

public sealed class FlowConfigDocumentTests
{
    private const string Valid = """
        {
          "id": "x", "description": "Main line",
          "variables": { "closure": "false", "maxWaitTime": "-12.5", "priority": "medium", "note": "" },
          "schema": {
            "closure": { "type": "boolean" }, "maxWaitTime": { "type": "number" },
            "priority": { "type": "select", "options": ["low", "medium", "high"] }, "note": { "type": "text" }
          },
          "prompts": { "welcome": { "en-US": { "voice": "<speak>Hi</speak>", "chat": "Hi!" }, "es-US": { "voice": "Hola", "chat": "" } } },
          "version": 7, "updatedAt": "2026-01-01T00:00:00Z", "updatedBy": "someone-else"
        }
        """;

    [Fact]
    public void Reads_a_full_document()
    {
        var config = Json.Config(Valid, "x");
        Assert.Equal("Main line", config.Description);
        Assert.Equal(["closure", "maxWaitTime", "priority", "note"], config.Variables.Keys);
        Assert.Equal(VariableType.Select, config.Schema!["priority"].Type);
        Assert.Equal(["low", "medium", "high"], config.Schema["priority"].Options!);
        Assert.Equal(new PromptText("<speak>Hi</speak>", "Hi!"), config.Prompts["welcome"]["en-US"]);
        Assert.Equal(7, config.Version);
        Assert.Null(config.UpdatedBy); // the server sets it, whatever the client claims
    }

    [Fact]
    public void Empty_chat_means_no_chat_variant() =>
        Assert.Null(Json.Config(Valid, "x").Prompts["welcome"]["es-US"].Chat);

    [Fact]
    public void Body_id_is_optional_under_a_url_id()
    {
        var config = Json.Config("""{ "description": "d", "variables": {}, "prompts": {} }""", "queue/a");
        Assert.Equal("queue/a", config.Id);
        Assert.Equal(0, config.Version);
    }

    [Fact]
    public void Import_items_need_their_own_id() =>
        Json.AssertNames(Json.Errors("""{ "description": "d", "variables": {}, "prompts": {} }""", id: null), "id");

    [Fact]
    public void Body_id_must_match_the_url() =>
        Json.AssertNames(Json.Errors("""{ "id": "other", "description": "d", "variables": {}, "prompts": {} }""", "x"), "id");

    [Fact]
    public void Hostile_body_id_is_rejected_for_import() =>
        Json.AssertNames(Json.Errors("""{ "id": "../etc", "description": "d", "variables": {}, "prompts": {} }""", id: null), "id");

    [Theory]
    [InlineData("""[]""", "body")]
    [InlineData("\"text\"", "body")]
    [InlineData("""{ "variables": {}, "prompts": {} }""", "description")]
    [InlineData("""{ "description": "d", "prompts": {} }""", "variables")]
    [InlineData("""{ "description": "d", "variables": {} }""", "prompts")]
    [InlineData("""{ "description": "", "variables": {}, "prompts": {} }""", "description")]
    [InlineData("""{ "description": "   ", "variables": {}, "prompts": {} }""", "description")]
    [InlineData("""{ "description": "a\u0007b", "variables": {}, "prompts": {} }""", "description")]
    [InlineData("""{ "description": 5, "variables": {}, "prompts": {} }""", "description")]
    [InlineData("""{ "description": "d", "variables": [], "prompts": {} }""", "variables")]
    [InlineData("""{ "description": "d", "variables": { "a": 1 }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "variables": { "a": null }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "variables": { "a b": "1" }, "prompts": {} }""", "variables.a b")]
    [InlineData("""{ "description": "d", "variables": { "": "1" }, "prompts": {} }""", "variables.")]
    [InlineData("""{ "description": "d", "variables": { "a": "1", "a": "2" }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "description": "e", "variables": {}, "prompts": {} }""", "description")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": {}, "extra": 1 }""", "extra")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": {}, "version": -1 }""", "version")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": {}, "version": "7" }""", "version")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": {}, "version": 1.5 }""", "version")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "prompts": { "a": { "en-US": { "voice": "x" } } } }""", "prompts.a")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": {} } }""", "prompts.p")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": "hi" } }""", "prompts.p")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "english": { "voice": "x" } } } }""", "prompts.p.english")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-us": { "voice": "x" } } } }""", "prompts.p.en-us")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "" } } } }""", "prompts.p.en-US.voice")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "chat": "x" } } } }""", "prompts.p.en-US.voice")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": 3 } } } }""", "prompts.p.en-US.voice")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "x", "chat": 3 } } } }""", "prompts.p.en-US.chat")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "x", "ssml": true } } } }""", "prompts.p.en-US.ssml")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "<speak>unclosed" } } } }""", "prompts.p.en-US.voice")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "<speak>a</speak><speak>b</speak>" } } } }""", "prompts.p.en-US.voice")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "<speakers>a</speakers>" } } } }""", "prompts.p.en-US.voice")]
    [InlineData("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "<!DOCTYPE speak [<!ENTITY x \"y\">]><speak>&x;</speak>" } } } }""", "prompts.p.en-US.voice")]
    [InlineData("""{ "description": "d", "variables": {}, "schema": { "zz": { "type": "text" } }, "prompts": {} }""", "schema.zz")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": { "type": "integer" } }, "prompts": {} }""", "schema.a.type")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": {} }, "prompts": {} }""", "schema.a.type")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": { "type": "select" } }, "prompts": {} }""", "schema.a.options")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": { "type": "select", "options": [] } }, "prompts": {} }""", "schema.a.options")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": { "type": "select", "options": ["1", "1"] } }, "prompts": {} }""", "schema.a.options")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": { "type": "select", "options": [1] } }, "prompts": {} }""", "schema.a.options")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": { "type": "text", "options": ["1"] } }, "prompts": {} }""", "schema.a.options")]
    [InlineData("""{ "description": "d", "variables": { "a": "1" }, "schema": { "a": { "type": "text", "min": 1 } }, "prompts": {} }""", "schema.a.min")]
    [InlineData("""{ "description": "d", "variables": { "a": "x" }, "schema": { "a": { "type": "select", "options": ["y"] } }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "variables": { "a": "1,5" }, "schema": { "a": { "type": "number" } }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "variables": { "a": "1e3" }, "schema": { "a": { "type": "number" } }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "variables": { "a": "1." }, "schema": { "a": { "type": "number" } }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "variables": { "a": " 1" }, "schema": { "a": { "type": "number" } }, "prompts": {} }""", "variables.a")]
    [InlineData("""{ "description": "d", "variables": { "a": "True" }, "schema": { "a": { "type": "boolean" } }, "prompts": {} }""", "variables.a")]
    public void Rejects_with_the_field_named(string json, string field) => Json.AssertNames(Json.Errors(json), field);

    [Fact]
    public void Reports_every_broken_field_at_once()
    {
        var errors = Json.Errors("""{ "description": 1, "variables": { "a": 2 }, "prompts": { "p": { "xx-yy": { "voice": "v" } } }, "bogus": true }""");
        Json.AssertNames(errors, "description", "variables.a", "prompts.p.xx-yy", "bogus");
    }

    [Fact]
    public void Description_limit_is_1024_characters()
    {
        Json.Config($$"""{ "description": "{{new string('d', 1024)}}", "variables": {}, "prompts": {} }""", "x");
        Json.AssertNames(Json.Errors($$"""{ "description": "{{new string('d', 1025)}}", "variables": {}, "prompts": {} }"""), "description");
    }

    [Fact]
    public void Names_allow_128_characters_from_the_flat_map_alphabet()
    {
        var name = "a+b-c_d." + new string('n', 120);
        Json.Config($$"""{ "description": "d", "variables": { "{{name}}": "v" }, "prompts": {} }""", "x");
        Json.AssertNames(Json.Errors($$"""{ "description": "d", "variables": { "{{name}}x": "v" }, "prompts": {} }"""), $"variables.{name}x");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("600")]
    [InlineData("0.25")]
    public void Numbers_are_invariant_decimals(string value) => Assert.True(FlowConfigDocument.IsInvariantNumber(value));

    [Fact]
    public void A_prompt_that_plays_a_file_is_refused_naming_the_prompt_and_language()
    {
        var errors = Json.Errors("""{ "description": "d", "variables": {}, "prompts": { "p": { "es-US": { "voice": "<speak><audio src=\"/etc/passwd\"/>hola</speak>" } } } }""");
        var message = Assert.Single(errors.ToDictionary()["prompts.p.es-US.voice"]);
        Assert.StartsWith("<audio> is not allowed", message);
    }

    [Fact]
    public void Amazon_ssml_extensions_are_stored_as_written()
    {
        var config = Json.Config("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "<speak><amazon:effect name=\"whispered\">psst</amazon:effect></speak>" } } } }""", "x");
        Assert.Equal("<speak><amazon:effect name=\"whispered\">psst</amazon:effect></speak>", config.Prompts["p"]["en-US"].Voice);
    }

    [Fact]
    public void Ssml_looking_text_that_is_not_ssml_is_plain_text() =>
        Json.Config("""{ "description": "d", "variables": {}, "prompts": { "p": { "en-US": { "voice": "Press <1> & hold" } } } }""", "x");

    private const string Scheduled = """
        {
          "id": "x", "description": "Main line", "timeZone": "America/Chicago",
          "variables": { "closure": "false", "maxWaitTime": "600" },
          "schema": { "closure": { "type": "boolean" } },
          "prompts": { "welcome": { "en-US": { "voice": "<speak>Hi</speak>" } } },
          "schedule": [
            { "name": "Christmas closure", "start": "2026-12-24T17:00", "end": "2026-12-26T08:00",
              "variables": { "closure": "true" }, "prompts": { "welcome": { "en-US": { "voice": "<speak>Closed.</speak>", "chat": "Closed." } } } },
            { "name": "Sunday maintenance", "start": "2026-11-29T02:00", "end": "2026-11-29T04:00:30", "repeat": "FREQ=WEEKLY;BYDAY=SU",
              "variables": { "maxWaitTime": "60" } },
            { "name": "Company holidays", "calendar": "us-holidays", "variables": { "closure": "true" } }
          ]
        }
        """;

    [Fact]
    public void Time_zone_and_schedule_survive_storage_through_DomainJson()
    {
        var config = Json.Config(Scheduled, "x");
        var json = JsonSerializer.Serialize(config, DomainJson.Options);
        var stored = JsonSerializer.Deserialize<FlowConfig>(json, DomainJson.Options)!;

        Assert.Equal("America/Chicago", stored.TimeZone);
        Assert.Equal(["Christmas closure", "Sunday maintenance", "Company holidays"], stored.Schedule!.Select(e => e.Name));
        Assert.Equal(("2026-11-29T02:00", "2026-11-29T04:00:30", "FREQ=WEEKLY;BYDAY=SU"), (stored.Schedule![1].Start, stored.Schedule[1].End, stored.Schedule[1].Repeat));
        Assert.Equal("us-holidays", stored.Schedule[2].Calendar);
        Assert.Equal(new PromptText("<speak>Closed.</speak>", "Closed."), stored.Schedule[0].Prompts!["welcome"]["en-US"]);
        Assert.DoesNotContain("null", json); // absent parts stay absent, as the rest of the model
        // What storage holds reads back as a client document unchanged, so an export imports as it is.
        Assert.Equal(json, JsonSerializer.Serialize(Json.Config(json), DomainJson.Options));
    }

    [Fact]
    public void A_config_without_zone_or_schedule_stores_neither()
    {
        var json = JsonSerializer.Serialize(Json.Config(Valid, "x"), DomainJson.Options);
        Assert.DoesNotContain("timeZone", json);
        Assert.DoesNotContain("schedule", json);
    }
}

