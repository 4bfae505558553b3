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
    [InlineData("""{ "locales": [ { "code": "en-US", "name": "x", "voices": ["a b"] } ] }""", "locales[0].voices")]
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
}
