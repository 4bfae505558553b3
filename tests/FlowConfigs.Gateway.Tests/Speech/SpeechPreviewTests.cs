using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Speech;

/// <summary>Hearing a prompt before it goes live, through the local espeak-ng engine.</summary>
public sealed class SpeechPreviewTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("Thank you for calling the Austin branch.", "en-US")]
    [InlineData("<speak>Gracias por llamar.<break time=\"300ms\"/> Adiós.</speak>", "es-US")]
    public async Task Speaks_text_and_ssml_as_wav(string text, string language)
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        using var response = await reader.PostAsJsonAsync("/api/preview-speech", new { text, languageCode = language, voiceId = "Joanna" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var audio = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF"u8.ToArray(), audio[..4]);
        Assert.Equal("WAVE"u8.ToArray(), audio[8..12]);
        // The RIFF size must describe the bytes actually sent, or browsers cut the audio short.
        Assert.Equal(audio.Length - 8, BitConverter.ToInt32(audio, 4));
        Assert.True(audio.Length > 10_000, "a spoken sentence is more than a header");
    }

    [Fact]
    public async Task Longer_text_gives_longer_audio()
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        async Task<int> LengthAsync(string text)
        {
            using var response = await reader.PostAsJsonAsync("/api/preview-speech", new { text, languageCode = "en-US" });
            return (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        Assert.True(await LengthAsync("Hello. Please hold while we connect you to the next available agent.") > await LengthAsync("Hello."));
    }
}

/// <summary>A machine without espeak-ng: the preview says so plainly instead of failing obscurely.</summary>
public sealed class SpeechUnavailableTests(SpeechUnavailableTests.NoEspeakFixture fixture) : IClassFixture<SpeechUnavailableTests.NoEspeakFixture>
{
    public sealed class NoEspeakFixture : GatewayFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("FlowConfigs:Speech:EspeakPath", "/nonexistent/espeak-ng")];
    }

    [Fact]
    public async Task Missing_engine_is_a_503_problem()
    {
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        using var response = await reader.PostAsJsonAsync("/api/preview-speech", new { text = "Hello", languageCode = "en-US" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("espeak-ng", problem["detail"]!.GetValue<string>());
    }
}
