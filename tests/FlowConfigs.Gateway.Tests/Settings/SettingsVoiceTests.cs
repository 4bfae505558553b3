using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Settings;

/// <summary>
/// Saving settings with the local engine (espeak-ng, run for real): a voice must be one the engine offers for the
/// locale's language, and every refusal reads as a sentence with the field in the problem's <c>errors</c>.
/// </summary>
public sealed class SettingsVoiceTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    public static JsonObject Settings(params (string Code, string Name, string[] Voices)[] locales) => new()
    {
        ["locales"] = new JsonArray(locales.Select(l => (JsonNode)new JsonObject
        {
            ["code"] = l.Code, ["name"] = l.Name, ["voices"] = new JsonArray(l.Voices.Select(v => (JsonNode)v!).ToArray()),
        }).ToArray()),
        ["fallbackLocale"] = null,
    };

    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

    private static async Task<long> VersionAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/settings")).ReadObjectAsync())["version"]!.GetValue<long>();

    [Fact]
    public async Task A_voice_the_engine_does_not_offer_is_400_at_that_voice_and_nothing_is_saved()
    {
        using var admin = await AdminAsync();
        var version = await VersionAsync(admin);

        using var response = await admin.PostAsync("/api/settings", Documents.Json(Settings(
            ("en-US", "English (US)", ["en-us"]), ("es-US", "Spanish (US)", ["es-419"]), ("en-GB", "English (UK)", ["NotAVoice"]))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["locales[2].voices[0]"], errors.Select(e => e.Key));
        Assert.StartsWith("The local speech engine (espeak-ng) has no voice called NotAVoice. Choose one of: ",
            errors["locales[2].voices[0]"]![0]!.GetValue<string>());
        Assert.Contains("en-gb-scotland", errors["locales[2].voices[0]"]![0]!.GetValue<string>());
        Assert.StartsWith("Locale 3, voice 1: The local speech engine (espeak-ng) has no voice called NotAVoice.", problem["detail"]!.GetValue<string>());
        Assert.Equal(version, await VersionAsync(admin));
    }

    [Fact]
    public async Task A_voice_of_another_language_is_400_naming_the_locale()
    {
        using var admin = await AdminAsync();
        using var response = await admin.PostAsync("/api/settings", Documents.Json(Settings(("en-US", "English (US)", ["en-us", "es-419"]))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal("es-419 does not speak English (US) (en-US). Choose one of: en-us, en-us-nyc.",
            Assert.Single(errors["locales[0].voices[1]"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task Voices_the_engine_offers_are_saved()
    {
        using var admin = await AdminAsync();
        using var response = await admin.PostAsync("/api/settings", Documents.Json(Settings(
            ("en-US", "English (US)", ["en-us-nyc", "en-us"]), ("es-US", "Spanish (US)", ["es-419"]), ("fr-CA", "French (Canada)", []))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        Assert.Equal(["en-us-nyc", "en-us"], stored["locales"]![0]!["voices"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"locales":[{"code":"en-US","name":"English (US)","voices":[]},{"code":"es-US","name":"Spanish","voices":[]},{"code":"","name":"Third","voices":[]}]}""",
        "locales[2].code", "Enter a language code such as en-US.", "Locale 3, language: Enter a language code such as en-US.")]
    [InlineData("""{"locales":[{"code":"english","name":"English","voices":[]}]}""",
        "locales[0].code", "english is not a language code. Use a code such as en-US, es-US, arb or cmn-CN.", "Locale 1, language: english is not a language code. Use a code such as en-US, es-US, arb or cmn-CN.")]
    [InlineData("""{"locales":[{"code":"en-US","name":"","voices":[]}]}""",
        "locales[0].name", "Enter a name people recognize, such as English (US).", "Locale 1, name: Enter a name people recognize, such as English (US).")]
    [InlineData("""{"locales":[{"code":"en-US","name":"English","voices":[]}],"fallbackLocale":"de-DE"}""",
        "fallbackLocale", "The fallback language de-DE is not one of the locales. Add it as a locale or choose another.", "Fallback language: The fallback language de-DE is not one of the locales. Add it as a locale or choose another.")]
    public async Task Every_message_is_a_sentence_and_the_field_stays_in_errors(string body, string field, string message, string detail)
    {
        using var admin = await AdminAsync();
        var version = await VersionAsync(admin);
        using var response = await admin.PostAsync("/api/settings", Documents.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(message, Assert.Single(problem["errors"]![field]!.AsArray())!.GetValue<string>());
        Assert.Equal(detail, problem["detail"]!.GetValue<string>());
        Assert.Equal(version, await VersionAsync(admin));
    }
}
