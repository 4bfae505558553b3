using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Gateway.Tests.Settings;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary><c>GET /api/speech/voices</c> with the local engine: what the installed espeak-ng itself lists.</summary>
public sealed class EspeakVoiceListTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static async Task<string[]> InstalledLanguagesAsync()
    {
        var start = new ProcessStartInfo("espeak-ng", "--voices") { RedirectStandardOutput = true };
        using var espeak = Process.Start(start)!;
        var output = await espeak.StandardOutput.ReadToEndAsync();
        await espeak.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToArray();
    }

    [Fact]
    public async Task Lists_every_installed_voice_with_the_prompt_languages_it_speaks()
    {
        using var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        using var response = await reader.GetAsync("/api/speech/voices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.ReadObjectAsync();
        Assert.Equal("The local speech engine (espeak-ng)", list["provider"]!.GetValue<string>());
        var voices = list["voices"]!.AsArray().Select(v => v!.AsObject()).ToDictionary(v => v["id"]!.GetValue<string>());
        Assert.Equal((await InstalledLanguagesAsync()).Distinct().Order(), voices.Keys.Order());

        string[] Languages(string id) => voices[id]["languageCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        Assert.Equal("English (America)", voices["en-us"]["name"]!.GetValue<string>());
        Assert.Equal("Male", voices["en-us"]["gender"]!.GetValue<string>());
        Assert.Equal(["en-US"], Languages("en-us"));
        // Latin American Spanish reads both Polly codes; a regional voice speaks its region's code.
        Assert.Equal(["es", "es-MX", "es-US"], Languages("es-419"));
        Assert.Equal(["en-GB"], Languages("en-gb-scotland"));
    }

    [Fact]
    public async Task Seeded_settings_name_the_local_engines_voices_and_save_again_unchanged()
    {
        using var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var seeded = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        Assert.Equal("flowconfigs-sample-data", seeded["updatedBy"]!.GetValue<string>());
        Assert.Equal(["en-us", "es-419"], seeded["locales"]!.AsArray().Select(l => l!["voices"]![0]!.GetValue<string>()));

        using var response = await admin.PostAsync("/api/settings", Documents.Json(seeded));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Needs_a_signed_in_user_with_some_access()
    {
        using var anonymous = fixture.PublicClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/speech/voices")).StatusCode);
        using var nobody = fixture.PublicClient(await fixture.TokenAsync("nora", []));
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.GetAsync("/api/speech/voices")).StatusCode);
    }

    [Fact]
    public async Task A_voice_espeak_lists_is_the_voice_a_preview_uses()
    {
        using var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        async Task<byte[]> SpeakAsync(string? voice)
        {
            using var response = await reader.PostAsync("/api/preview-speech",
                Documents.Json(new JsonObject { ["text"] = "Good morning.", ["languageCode"] = "en-GB", ["voiceId"] = voice }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync();
        }

        var byLanguage = await SpeakAsync(null);
        Assert.Equal(byLanguage, await SpeakAsync("Amy")); // a Polly name: the language's voice, as before
        Assert.NotEqual(byLanguage, await SpeakAsync("en-gb-scotland"));
    }
}

/// <summary>No espeak-ng: the voice list is a quick 503 saying what is missing, and saving voices waits for it.</summary>
public sealed class EspeakVoiceListUnavailableTests(SpeechUnavailableTests.NoEspeakFixture fixture) : IClassFixture<SpeechUnavailableTests.NoEspeakFixture>
{
    [Fact]
    public async Task The_list_is_a_503_with_Retry_After_naming_espeak()
    {
        using var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        using var response = await reader.GetAsync("/api/speech/voices");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("apt-get install espeak-ng", (await response.ReadObjectAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Settings_with_voices_are_not_saved_without_the_list_and_settings_without_voices_are()
    {
        using var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var before = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();

        using (var refused = await admin.PostAsync("/api/settings", Documents.Json(SettingsVoiceTests.Settings(("en-US", "English (US)", ["en-us"])))))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.StartsWith("The settings were not saved", (await refused.ReadObjectAsync())["detail"]!.GetValue<string>());
        }
        var after = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        Assert.Equal(before["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());

        using var saved = await admin.PostAsync("/api/settings", Documents.Json(SettingsVoiceTests.Settings(("en-US", "English (US)", []))));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }
}
