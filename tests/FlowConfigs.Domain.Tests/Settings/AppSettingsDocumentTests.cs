using FlowConfigs.Domain.Settings;

namespace FlowConfigs.Domain.Tests.Settings;

public sealed class AppSettingsDocumentTests
{
    [Fact]
    public void Reads_locales_voices_fallback_and_version()
    {
        var read = AppSettingsDocument.Read(Json.Parse("""
            { "locales": [ { "code": "en-US", "name": "English (US)", "voices": ["Joanna", "Matthew"] },
                           { "code": "es-US", "name": "Español", "voices": [] } ],
              "fallbackLocale": "en-US", "version": 3, "updatedBy": "x" }
            """));
        Assert.True(read.IsValid, read.Errors.ToString());
        Assert.Equal(["en-US", "es-US"], read.Value!.Locales.Select(l => l.Code));
        Assert.Equal(["Joanna", "Matthew"], read.Value.Locales[0].Voices);
        Assert.Equal("en-US", read.Value.FallbackLocale);
        Assert.Equal(3, read.Value.Version);
    }

    [Theory]
    [InlineData("""[]""", "body")]
    [InlineData("""{}""", "locales")]
    [InlineData("""{ "locales": {} }""", "locales")]
    [InlineData("""{ "locales": [ 1 ] }""", "locales[0]")]
    [InlineData("""{ "locales": [ { "name": "x", "voices": [] } ] }""", "locales[0].code")]
    [InlineData("""{ "locales": [ { "code": "english", "name": "x", "voices": [] } ] }""", "locales[0].code")]
    [InlineData("""{ "locales": [ { "code": "en-US", "voices": [] } ] }""", "locales[0].name")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "", "voices": [] } ] }""", "locales[0].name")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x", "voices": "Joanna" } ] }""", "locales[0].voices")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x", "voices": ["Joanna", "a b"] } ] }""", "locales[0].voices[1]")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x", "voices": [], "extra": 1 } ] }""", "locales[0].extra")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x" }, { "code": "en-US", "name": "y" } ] }""", "locales[1].code")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x" } ], "fallbackLocale": "fr-FR" }""", "fallbackLocale")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x" } ], "fallbackLocale": 1 }""", "fallbackLocale")]
    [InlineData("""{ "locales": [], "theme": "dark" }""", "theme")]
    [InlineData("""{ "locales": [], "version": "1" }""", "version")]
    public void Rejects_with_the_field_named(string json, string field)
    {
        var read = AppSettingsDocument.Read(Json.Parse(json));
        Assert.False(read.IsValid);
        Json.AssertNames(read.Errors, field);
    }

    /// <summary>Business users read these beside the field: no paths, no JSON words, a thing to do.</summary>
    [Theory]
    [InlineData("""{ "locales": [ { "code": "", "name": "x", "voices": [] } ] }""", "locales[0].code", "Enter a language code such as en-US.")]
    [InlineData("""{ "locales": [ { "name": "x", "voices": [] } ] }""", "locales[0].code", "Enter a language code such as en-US.")]
    [InlineData("""{ "locales": [ { "code": "english", "name": "x", "voices": [] } ] }""", "locales[0].code", "english is not a language code. Use a code such as en-US, es-US, arb or cmn-CN.")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": " ", "voices": [] } ] }""", "locales[0].name", "Enter a name people recognize, such as English (US).")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x" }, { "code": "en-US", "name": "y" } ] }""", "locales[1].code", "en-US is already in the list; each language appears once.")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x" } ], "fallbackLocale": "fr-FR" }""", "fallbackLocale", "The fallback language fr-FR is not one of the locales. Add it as a locale or choose another.")]
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x", "voices": ["a b"] } ] }""", "locales[0].voices[0]", "Choose a voice from the list; voice names are letters, digits, '-' or '_'.")]
    public void Messages_are_sentences_a_business_user_reads(string json, string field, string message)
    {
        var errors = AppSettingsDocument.Read(Json.Parse(json)).Errors.ToDictionary();
        Assert.Equal([message], errors[field]);
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.DoesNotContain("locales[", m));
    }

    [Theory]
    [InlineData("\"America/Chicago\"", "America/Chicago")]
    [InlineData("null", null)]
    public void Reads_an_optional_time_zone(string zone, string? expected)
    {
        var read = AppSettingsDocument.Read(Json.Parse($$"""{ "locales": [], "timeZone": {{zone}} }"""));
        Assert.True(read.IsValid, read.Errors.ToString());
        Assert.Equal(expected, read.Value!.TimeZone);
        Assert.Null(AppSettingsDocument.Read(Json.Parse("""{ "locales": [] }""")).Value!.TimeZone);
    }

    [Theory]
    [InlineData("\"Central Time\"", "Central Time is not a time zone we know. Choose one from the list, such as America/Chicago.")]
    [InlineData("\"\"", "Choose a time zone from the list, such as America/Chicago, or none for UTC.")]
    [InlineData("-6", "Choose a time zone from the list, such as America/Chicago, or none for UTC.")]
    public void An_unknown_time_zone_is_refused_in_words_a_business_user_reads(string zone, string message)
    {
        var read = AppSettingsDocument.Read(Json.Parse($$"""{ "locales": [], "timeZone": {{zone}} }"""));
        Assert.False(read.IsValid);
        Assert.Equal([message], read.Errors.ToDictionary()["timeZone"]);
        Assert.StartsWith("Time zone: ", AppSettingsDocument.Summary(read.Errors));
    }

    [Fact]
    public void Approval_rules_are_read_in_order_and_each_bad_field_is_named()
    {
        var read = AppSettingsDocument.Read(Json.Parse("""{ "locales": [], "approvals": [ { "pattern": "queue/*", "approvers": 2 }, { "pattern": "*", "approvers": 1 } ] }"""));
        Assert.Equal([new FlowConfigs.Domain.ChangeControl.ApprovalRule("queue/*", 2), new FlowConfigs.Domain.ChangeControl.ApprovalRule("*", 1)], read.Value!.Approvals);

        var errors = AppSettingsDocument.Read(Json.Parse("""
            { "locales": [], "approvals": [ { "pattern": "", "approvers": 0 }, { "pattern": "a/*", "approvers": 6, "who": "x" }, { "pattern": "a/*", "approvers": 1 }, {} ] }
            """)).Errors.ToDictionary();
        Assert.Equal(["approvals[0].approvers", "approvals[0].pattern", "approvals[1].approvers", "approvals[1].who", "approvals[2].pattern", "approvals[3].approvers", "approvals[3].pattern"],
            errors.Keys.Order());
    }
}
